package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The problems every file upload of the API shares, the same at each of them: no file, a request
 * that is not multipart, and a JSON form field ({@code mapping}, {@code options}) that does not
 * read. (A file over the upload limit needs a real server: {@link UploadLimitTests}.)
 */
@GuanxiTest
class UploadProblemsTests {

  static final byte[] CSV = "name\n张三\n".getBytes(StandardCharsets.UTF_8);

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  Member admin;

  @BeforeEach
  void freshWorkspace() {
    admin = workspaces.create().member(Role.ADMINISTRATOR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/customers/import", "/api/v1/leads/import", "/api/v1/orders/import"})
  void aMultipartRequestWithoutTheFileIsFileRequired(String path) throws Exception {
    mvc.perform(
            multipart(path)
                .file(new MockMultipartFile("data", "x.csv", "text/csv", CSV))
                .header("Authorization", admin.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("file-required"))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:file-required"))
        .andExpect(jsonPath("$.detail").value(containsString("'file'")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/customers/import", "/api/v1/leads/import", "/api/v1/orders/import"})
  void aRequestThatIsNotMultipartIsFileRequired(String path) throws Exception {
    mvc.perform(
            post(path)
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"file\":\"name\\n张三\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("file-required"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/customers/import", "/api/v1/leads/import", "/api/v1/orders/import"})
  void aMappingThatIsNotAJsonObjectNamesTheField(String path) throws Exception {
    for (String mapping : new String[] {"{not json", "[\"name\"]", "\"name\""}) {
      mvc.perform(
              multipart(path)
                  .file(new MockMultipartFile("file", "x.csv", "text/csv", CSV))
                  .param("mapping", mapping)
                  .header("Authorization", admin.bearer()))
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("validation"))
          .andExpect(jsonPath("$.errors[0].field").value("mapping"))
          .andExpect(jsonPath("$.errors[0].code").value("invalid-mapping"));
    }
  }

  @Test
  void orderOptionsThatDoNotReadNameTheField() throws Exception {
    for (String options : new String[] {"{not json", "[1,2]", "{\"createCustomer\":true}"}) {
      mvc.perform(
              multipart("/api/v1/orders/import")
                  .file(new MockMultipartFile("file", "x.csv", "text/csv", CSV))
                  .param("options", options)
                  .header("Authorization", admin.bearer()))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("options"))
          .andExpect(jsonPath("$.errors[0].code").value("invalid-options"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/customers/import", "/api/v1/leads/import", "/api/v1/orders/import"})
  void aBlankMappingIsNoMapping(String path) throws Exception {
    mvc.perform(
            multipart(path)
                .file(new MockMultipartFile("file", "x.csv", "text/csv", CSV))
                .param("mapping", " ")
                .header("Authorization", admin.bearer()))
        .andExpect(content().string(not(containsString("invalid-mapping"))))
        .andExpect(content().string(not(containsString("file-required"))));
  }
}
