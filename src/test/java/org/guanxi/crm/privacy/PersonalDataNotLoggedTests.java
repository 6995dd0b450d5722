package org.guanxi.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Personal data planted in customer records never reaches the logs, even at debug level. */
@GuanxiTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNotLoggedTests {

  static final String PHONE = "13987654321";
  static final String EMAIL = "planted.secret@example.com";
  static final String ID_CARD = "11010519491231002X";
  static final String ADDRESS = "秘密路88号";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired LoggingSystem logging;

  @AfterEach
  void quietAgain() {
    logging.setLogLevel("org.guanxi", LogLevel.INFO);
    logging.setLogLevel("org.springframework.jdbc", null);
  }

  @Test
  void creatingReadingRevealingSearchingAndRejectingNeverLogPersonalData(CapturedOutput output)
      throws Exception {
    logging.setLogLevel("org.guanxi", LogLevel.DEBUG);
    logging.setLogLevel("org.springframework.jdbc", LogLevel.DEBUG);
    TestWorkspace workspace = workspaces.create();
    var manager = workspace.member(Role.MANAGER);
    String json =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", manager.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\":\"INDIVIDUAL\",\"name\":\"日志测试\",\"phone\":\""
                            + PHONE
                            + "\",\"email\":\""
                            + EMAIL
                            + "\",\"idCard\":\""
                            + ID_CARD
                            + "\",\"address\":\""
                            + ADDRESS
                            + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.id");
    mvc.perform(
        get("/api/v1/customers/" + id + "?reveal=true").header("Authorization", manager.bearer()));
    mvc.perform(
        get("/api/v1/customers").param("q", PHONE).header("Authorization", manager.bearer()));
    mvc.perform(
        get("/api/v1/customers").param("q", EMAIL).header("Authorization", manager.bearer()));
    mvc.perform(
        patch("/api/v1/customers/" + id)
            .header("Authorization", manager.bearer())
            .header("If-Match", Versions.current(mvc, manager.bearer(), "/api/v1/customers/" + id))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"" + EMAIL + "-broken\"}"));

    assertThat(output.getAll()).contains("customer").doesNotContain(PHONE, EMAIL, ID_CARD, ADDRESS);
  }
}
