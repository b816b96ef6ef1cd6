package org.rectify;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The demo accounts the embedded demo creates (see README), for tests that act as a role. */
public final class DemoLogins {

    public static final String PASSWORD = "rectify-demo";

    private DemoLogins() {
    }

    public static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    public static RequestPostProcessor admin() {
        return as("admin");
    }

    public static RequestPostProcessor office() {
        return as("office");
    }

    /** Staff of 市环境保护局: a city department. */
    public static RequestPostProcessor epbStaff() {
        return as("epb-staff");
    }

    /** The office (整改办) of 临翔区: a county office, which runs its own demo plan and reads the city's tasks it takes part in. */
    public static RequestPostProcessor linxiangOffice() {
        return as("linxiang-office");
    }

    /** The supervision office (督查室) of 临翔区. */
    public static RequestPostProcessor linxiangSupervisor() {
        return as("linxiang-supervisor");
    }

    /** Staff of 临翔区政府: a county government. */
    public static RequestPostProcessor linxiangStaff() {
        return as("linxiang-staff");
    }
}
