package org.guanxi.crm.interaction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interactions' attachments in PostgreSQL. */
@Repository
class AttachmentStore {

  private static final String COLUMNS =
      "id, interaction_id, file_name, media_type, size, sha256, created_by, created_at";

  private final JdbcClient jdbc;

  AttachmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Attachment a, byte[] content) {
    jdbc.sql(
            """
            insert into interaction_attachment (workspace_id, id, interaction_id, file_name, media_type, size,
              sha256, content, created_by, created_at)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            a.id(),
            a.interactionId(),
            a.fileName(),
            a.mediaType(),
            a.size(),
            a.sha256(),
            content,
            a.createdBy(),
            Timestamp.from(a.createdAt()))
        .update();
  }

  List<Attachment> of(UUID interactionId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from interaction_attachment where interaction_id = ? order by created_at, id")
        .param(interactionId)
        .query((rs, n) -> attachment(rs))
        .list();
  }

  Optional<Attachment> find(UUID interactionId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from interaction_attachment where interaction_id = ? and id = ?")
        .params(interactionId, id)
        .query((rs, n) -> attachment(rs))
        .optional();
  }

  byte[] content(UUID id) {
    return jdbc.sql("select content from interaction_attachment where id = ?")
        .param(id)
        .query(byte[].class)
        .single();
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(
        rs.getObject("id", UUID.class),
        rs.getObject("interaction_id", UUID.class),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getInt("size"),
        rs.getString("sha256"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant());
  }
}
