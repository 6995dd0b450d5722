package org.guanxi.crm.platform;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A table's sealed columns, offered to the privacy module's key rotation. Each module that keeps
 * sealed values implements it for each such table and seals its own rows again, so that no SQL
 * outside the module names the table. Platform declares it rather than privacy because platform
 * keeps sealed values too (the answers of idempotent requests) and may not depend on privacy.
 *
 * @param <K> the key of a row, by which the rotation pages through the table
 */
public interface SealedColumns<K> {

  String table();

  List<String> columns();

  /**
   * Seals again, with the current key, the values of the next rows of the current workspace after
   * {@code after} (null: from the first row), as many as the module takes in one batch. Values
   * already sealed with the current key are left as they are, so a rotation that was cut off can
   * simply be run again; blind indexes of the values are computed again with them. The rotation
   * calls it in a transaction of its own for each batch.
   *
   * @return the key of the last row looked at, where the next batch goes on; null when no row was
   *     left
   */
  @Nullable K resealAfter(@Nullable K after);

  /**
   * The sealed {@code columns} of {@code table}, sealed again by {@code resealAfter} (as {@link
   * #resealAfter}): for a store that offers sealed columns of more than one table, or that is not
   * itself offered, as a bean of their own.
   */
  static <K> SealedColumns<K> of(
      String table, List<String> columns, UnaryOperator<@Nullable K> resealAfter) {
    record Of<K>(String table, List<String> columns, UnaryOperator<@Nullable K> reseal)
        implements SealedColumns<K> {
      @Override
      public @Nullable K resealAfter(@Nullable K after) {
        return reseal.apply(after);
      }
    }
    return new Of<>(table, List.copyOf(columns), resealAfter);
  }
}
