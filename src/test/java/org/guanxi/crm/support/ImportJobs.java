package org.guanxi.crm.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Waits for a background import, as its user would, by reading it until it is done. */
public final class ImportJobs {

  private ImportJobs() {}

  /**
   * Reads the import at {@code location} every 100 ms, for up to a minute, until it is DONE or
   * FAILED; returns that last reading.
   */
  public static ResultActions awaitFinished(MockMvc mvc, Member member, String location)
      throws Exception {
    for (int i = 0; i < 600; i++) {
      ResultActions reading =
          mvc.perform(get(location).header("Authorization", member.bearer()))
              .andExpect(status().isOk());
      String body = reading.andReturn().getResponse().getContentAsString();
      if (List.of("DONE", "FAILED").contains(JsonPath.<String>read(body, "$.status"))) {
        return reading;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The import did not finish: " + location);
  }
}
