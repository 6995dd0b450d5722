package org.guanxi.crm.interaction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Files attached to a follow-up: what a file is comes from its content, not its name; an empty
 * file, one over the limit and an executable in disguise are refused; the files are seen by whoever
 * sees the follow-up and attached by its author.
 */
@GuanxiTest
class InteractionAttachmentTests {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  static final byte[] EXE = {
    'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff
  };

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  String interaction;

  @BeforeEach
  void aRepsVisit() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    String customer =
        create(rep, "/api/v1/customers", "{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}");
    interaction =
        create(
            rep,
            "/api/v1/interactions",
            "{\"customerId\": \"%s\", \"channel\": \"VISIT\", \"summary\": \"现场拜访\"}"
                .formatted(customer));
  }

  @Test
  void theAuthorAttachesAPdfAndAPhotoWhichComeBackAsTheyWere() throws Exception {
    String pdf =
        JsonPath.read(
            attach(rep, "报价单.pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andExpect(jsonPath("$.fileName").value("报价单.pdf"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    attach(rep, "C:\\photos\\现场.png", PNG)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.fileName").value("现场.png"))
        .andExpect(jsonPath("$.mediaType").value("image/png"));
    attach(rep, "纪要.txt", "会议纪要：客户同意试用。\n".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isCreated());
    mvc.perform(
            get("/api/v1/interactions/" + interaction + "/attachments")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].fileName", contains("报价单.pdf", "现场.png", "纪要.txt")));
    mvc.perform(
            get("/api/v1/interactions/" + interaction + "/attachments/" + pdf)
                .header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(content().bytes(PDF));
  }

  @Test
  void anEmptyFileAFileOverTheLimitAndAnExecutableInDisguiseAreRefused() throws Exception {
    attach(rep, "报价单.pdf", EXE)
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.code").value("unsupported-file-type"));
    attach(rep, "照片.pdf", PNG)
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.code").value("unsupported-file-type"));
    attach(rep, "空.pdf", new byte[0])
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("empty-file"));
    byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    attach(rep, "大.pdf", large)
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.code").value("file-too-large"));
    mvc.perform(
            multipart("/api/v1/interactions/" + interaction + "/attachments")
                .header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/v1/interactions/" + interaction + "/attachments")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void anotherOwnerAnotherWorkspaceStrangersAndLateAuthorsAreRefused() throws Exception {
    String pdf =
        JsonPath.read(
            attach(rep, "报价单.pdf", PDF).andReturn().getResponse().getContentAsString(), "$.id");
    String file = "/api/v1/interactions/" + interaction + "/attachments/" + pdf;
    Member otherRep = workspace.member(Role.SALES);
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    for (Member outsider : new Member[] {otherRep, foreign}) {
      mvc.perform(get(file).header("Authorization", outsider.bearer()))
          .andExpect(status().isNotFound());
      attach(outsider, "x.pdf", PDF).andExpect(status().isNotFound());
    }
    mvc.perform(get(file)).andExpect(status().isUnauthorized());
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get(file).header("Authorization", admin.bearer())).andExpect(status().isOk());
    attach(admin, "x.pdf", PDF)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not-interaction-author"));
    mvc.perform(
            put("/api/v1/interaction-settings")
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"editWindowMinutes\": 0}"))
        .andExpect(status().isOk());
    attach(rep, "迟到.pdf", PDF)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("edit-window-closed"));
  }

  private ResultActions attach(Member member, String name, byte[] content) throws Exception {
    return mvc.perform(
        multipart("/api/v1/interactions/" + interaction + "/attachments")
            .file(new MockMultipartFile("file", name, "application/octet-stream", content))
            .header("Authorization", member.bearer()));
  }

  private String create(Member member, String path, String json) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post(path)
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }
}
