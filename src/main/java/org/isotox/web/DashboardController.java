package org.isotox.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.isotox.security.fhir.SecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The trial dashboard's pages: {@code /} leads to it, {@code /dashboard/} is its page (static files
 * under {@code static/dashboard/}), {@code /dashboard/config.json} tells it where to sign in. It reads
 * the FHIR API with the signed-in user's token, like any other SMART app.
 */
@Controller
class DashboardController {

    private final SecurityProperties security;
    private final DashboardProperties dashboard;

    DashboardController(SecurityProperties security, DashboardProperties dashboard) {
        this.security = security;
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard")
    String withoutSlash() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String page() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping(value = "/dashboard/config.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>(SmartPagesController.endpoints(security));
        config.put("clientId", dashboard.clientId());
        config.put("scope", dashboard.scope());
        config.put("study", dashboard.study());
        return config;
    }
}
