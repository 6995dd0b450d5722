package org.guanxi.crm.platform.imports;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.JobKind;
import org.guanxi.crm.platform.JobQueue;
import org.guanxi.crm.platform.Jobs;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job kind of a module's import: it reads what it needs of an import it holds ({@code W}, none
 * when the import runs no more) from the import table ({@link ImportJobs}), which is its queue, and
 * makes an attempt at it through {@link Jobs#attempt}. The module's worker says how the import is
 * done.
 */
public abstract class ImportWorker<W extends ImportWorker.Work> implements JobKind {

  /** What a worker needs to run an import: the attempt it makes, and the module's own. */
  public interface Work {
    Attempt<?> attempt();
  }

  /**
   * An attempt at an import, whatever the module imports: who uploaded it (it runs as them), the
   * file's headers, which column fills which of the fields {@code F}, and how many attempts were
   * made at it, this one included.
   */
  public record Attempt<F extends Enum<F> & ImportField>(
      CurrentUser actor, List<String> headers, ColumnMapping<F> mapping, int number) {}

  private final String name;
  private final ImportJobs<?, W> imports;

  /** Runs each batch of an import in a transaction of its own. */
  protected final TransactionTemplate transaction;

  protected final Clock clock;

  /** A kind named as {@code customer-import}, whose failures name it "customer import". */
  protected ImportWorker(
      String name, ImportJobs<?, W> imports, PlatformTransactionManager transactions, Clock clock) {
    this.name = name;
    this.imports = imports;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JobQueue queue() {
    return imports;
  }

  @Override
  public void run(UUID id, UUID claim) {
    W work = imports.work(id, claim).orElse(null);
    if (work != null) {
      Jobs.attempt(
          imports,
          name.replace('-', ' '),
          id,
          claim,
          work.attempt().number(),
          clock,
          () -> run(id, claim, work));
    }
  }

  /** Runs the import, as far as it is not done yet. */
  protected abstract void run(UUID id, UUID claim, W work);
}
