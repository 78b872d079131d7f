package org.isotox.web;

import java.util.Map;
import org.isotox.security.fhir.SecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pages the server serves as SMART apps of its issuer (each under {@code static/{page}/}, sharing
 * {@code static/smart/}): {@code /smart/config.json} tells them where the FHIR API and the issuer are, and
 * {@code /{page}/} is each page, its registered redirect URI.
 */
@Controller
class SmartPagesController {

    private final SecurityProperties security;

    SmartPagesController(SecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/questionnaire/")
    String questionnaire() {
        return "forward:/questionnaire/index.html";
    }

    @GetMapping(value = "/smart/config.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> config() {
        return SignInSettings.endpoints(security);
    }
}
