package org.guanxi.crm.support;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How long a request takes, as the benchmarks report it: 200 calls after 20 warm-up calls, each
 * built afresh (so that it may ask for another record every time), as a Markdown table row with p50
 * and p95. A call that is not answered 200 stops the benchmark.
 */
public final class RequestTimes {

  static final int WARMUP = 20;
  static final int RUNS = 200;

  private RequestTimes() {}

  public static String row(
      MockMvc mvc, String name, Supplier<MockHttpServletRequestBuilder> request) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      check(mvc.perform(request.get()).andReturn().getResponse().getStatus());
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      MockHttpServletRequestBuilder call = request.get();
      long start = System.nanoTime();
      check(mvc.perform(call).andReturn().getResponse().getStatus());
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return String.format(
        "| %s | %.1f ms | %.1f ms |",
        name, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("answered " + status);
    }
  }
}
