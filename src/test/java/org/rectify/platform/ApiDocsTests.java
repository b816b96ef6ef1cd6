package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiDocsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void the_openapi_description_lists_the_task_api() throws Exception {
        mvc.perform(get("/v3/api-docs").with(org.rectify.DemoLogins.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/tasks")))
                .andExpect(jsonPath("$.paths", hasKey("/api/tasks/{id}/transitions")))
                .andExpect(jsonPath("$.paths", hasKey("/api/plans")));
    }
}
