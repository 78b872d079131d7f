package org.isotox.web;

import java.util.Map;
import org.isotox.security.fhir.SecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The trial's forms, one page each (static files under {@code static/<page>/}): enrolment, the visit
 * form, RECIST entry and physics sign-off. Each signs in as the forms' SMART client and writes through
 * the FHIR API with the signed-in user's token, so every rule, refusal and audit applies.
 */
@Controller
class FormPagesController {

    private static final String PAGE = "{page:enrolment|visit|recist|physics}";

    private final SecurityProperties security;
    private final FormsProperties forms;
    private final DashboardProperties dashboard;

    FormPagesController(SecurityProperties security, FormsProperties forms, DashboardProperties dashboard) {
        this.security = security;
        this.forms = forms;
        this.dashboard = dashboard;
    }

    @GetMapping("/" + PAGE)
    String withoutSlash(@PathVariable String page) {
        return "redirect:/" + page + "/";
    }

    @GetMapping("/" + PAGE + "/")
    String page(@PathVariable String page) {
        return "forward:/" + page + "/index.html";
    }

    @GetMapping(value = "/" + PAGE + "/config.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> config() {
        return SignInSettings.of(security, forms.clientId(), forms.scope(), dashboard.study());
    }
}
