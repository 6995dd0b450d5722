package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GuanxiTest
class ApiDocumentationTests {

  @Autowired MockMvc mvc;

  @Test
  void theOpenApiDocumentDescribesTheApiWithoutSigningIn() throws Exception {
    mvc.perform(get("/api/v1/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").exists())
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/customers")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/customers/{id}")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/custom-fields")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/customer-pool")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/customers/{id}/release")))
        .andExpect(
            jsonPath("$.paths['/api/v1/customers'].post.summary").value("Create a customer"));
  }

  @Test
  void peopleReadTheApiInSwaggerUi() throws Exception {
    String ui =
        mvc.perform(get("/api/docs"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(ui))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")));
  }

  @Test
  void readinessIsReportedWithoutSigningIn() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }
}
