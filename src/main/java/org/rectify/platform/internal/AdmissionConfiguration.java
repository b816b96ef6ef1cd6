package org.rectify.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * The {@link AdmissionGate} in front of everything else (Spring Security included) when
 * {@code rectify.admission.enabled}, sized from the cores: {@code rectify.admission.turns} (0, the default: twice the cores the JVM sees), {@code rectify.admission.max-wait}
 * and {@code rectify.admission.max-queue}.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    AdmissionGate admissionGate(@Value("${rectify.admission.turns:0}") int turns,
                                @Value("${rectify.admission.max-wait:30s}") Duration maxWait,
                                @Value("${rectify.admission.max-queue:100}") int maxQueue,
                                MessageSource messages, LocaleResolver locales, JsonMapper json) {
        return new AdmissionGate(turns > 0 ? turns : defaultTurns(), maxWait, maxQueue, new Busy(messages, locales, json));
    }

    /** On unless {@code rectify.admission.enabled=false}: quiet pairs cut the readers' p95 2-5 times at the same throughput. */
    @Bean
    FilterRegistrationBean<AdmissionGate> admissionGateRegistration(AdmissionGate gate,
                                                                    @Value("${rectify.admission.enabled:true}") boolean enabled) {
        FilterRegistrationBean<AdmissionGate> registration = new FilterRegistrationBean<>(gate);
        registration.setEnabled(enabled);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // after the character encoding, before Security's chain
        return registration;
    }

    /** Twice the cores: a request's time is about half the JVM's and half its PostgreSQL backend's (measured, issue 14). */
    static int defaultTurns() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }
}
