package org.isotox.qol.fhir;

import org.isotox.qol.domain.EortcScorer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QolConfiguration {

    /** The one scorer of the server: its instruments also define the stored Questionnaires. */
    @Bean
    EortcScorer eortcScorer() {
        return EortcScorer.forQlqC30AndLc13();
    }
}
