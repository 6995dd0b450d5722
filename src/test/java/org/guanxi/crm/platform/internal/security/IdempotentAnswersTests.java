package org.guanxi.crm.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Answers kept for an Idempotency-Key: replayed for a day, sealed, then deleted. */
@GuanxiTest
class IdempotentAnswersTests {

  static final String NAME = "幂等张伟";
  static final String PHONE = "13811112222";
  static final String BODY =
      "{\"kind\":\"INDIVIDUAL\",\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\"}";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired IdempotentAnswers answers;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void aRepeatWithinADayGetsTheSameAnswer() throws Exception {
    String first =
        create("day-1")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String again =
        create("day-1")
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void theKeptRowHoldsNoPersonalDataInClear() throws Exception {
    create("clear-1").andExpect(status().isCreated());

    List<String> stored =
        workspace.in(
            () ->
                jdbc.sql(
                        """
                        select request_hash, response_body from idempotent_request
                        where idempotency_key = 'clear-1'
                        """)
                    .query(
                        (rs, n) ->
                            new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)
                                + new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)
                                + HexFormat.of().formatHex(rs.getBytes(2)))
                    .list());

    assertThat(stored).hasSize(1);
    assertThat(stored.get(0))
        .doesNotContain(PHONE)
        .doesNotContain("138****2222")
        .doesNotContain(hex(NAME))
        .doesNotContain(NAME)
        .doesNotContain("INDIVIDUAL");
  }

  @Test
  void anAnswerOlderThanADayIsNotReplayedAndTheRequestIsCarriedOutAgain() throws Exception {
    String first =
        create("old-1")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    ageBy("25 hours", "old-1");

    String again =
        create("old-1")
            .andExpect(status().isCreated())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JsonPath.<String>read(again, "$.id")).isNotEqualTo(JsonPath.read(first, "$.id"));
    create("old-1").andExpect(header().string("Idempotent-Replayed", "true"));
  }

  @Test
  void theCleanUpDeletesAnswersOlderThanADayAndKeepsTheOthers() throws Exception {
    create("expired-1").andExpect(status().isCreated());
    create("recent-1").andExpect(status().isCreated());
    ageBy("25 hours", "expired-1");
    ageBy("23 hours", "recent-1");

    answers.deleteExpired();

    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select idempotency_key from idempotent_request")
                        .query(String.class)
                        .list()))
        .containsExactly("recent-1");
  }

  private ResultActions create(String key) throws Exception {
    return mvc.perform(
        post("/api/v1/customers")
            .header("Authorization", sales.bearer())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(BODY));
  }

  private void ageBy(String age, String key) {
    workspace.in(
        () ->
            jdbc.sql(
                    "update idempotent_request set created_at = now() - cast(? as interval)"
                        + " where idempotency_key = ?")
                .params(age, key)
                .update());
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
