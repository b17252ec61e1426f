package io.collectionstrategy.examples.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.Debtor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A realistic synthetic portfolio, the same rows for the same settings: days overdue skewed to the early buckets
 * (about 45% 1-30, 25% 31-60, 12% 61-90, 18% over 90 with a long tail to a few years), behaviours consistent with
 * the seven debtor types of docs/domain.md (plus debtors not yet reached and plain oversights, and a little noise),
 * promises and contacts, 3-5% with a special circumstance, guarantor, collateral and business flags, CN/US/UK
 * jurisdictions, synthetic names, limitation interruptions on some old debts and contact histories on a few.
 *
 * <p>Optionally a fraction of bad rows (out-of-range values, unknown enum values, wrong types, missing fields,
 * unknown fields, malformed JSON) for trying error handling. Or {@linkplain #insideTheLimitationPeriod() inside the
 * limitation period}, for the benchmarks' hand-written baseline: days overdue below
 * {@link #INSIDE_LIMITATION_MAX_DAYS}, no {@code lastInterruption}, {@code dueDate} or {@code contactHistory}, so
 * that limitation-clock and contact-limit rules have nothing to say.
 *
 * <pre>
 * new SyntheticPortfolio(42, 100_000).withBadRows(0.01).write(Path.of("p.jsonl"), PortfolioFormat.JSONL);
 * List&lt;Debtor&gt; debtors = new SyntheticPortfolio(42, 4096).insideTheLimitationPeriod().debtors().toList();
 * </pre>
 *
 * @param seed             equal seeds (and settings) give equal rows
 * @param count            how many rows
 * @param badRows          fraction 0..1 of rows made invalid on purpose
 * @param referenceDate    dates in the rows (interruptions, contacts) lie before it: assess on or after it
 * @param insideLimitation true for debtors inside the limitation period only
 */
public record SyntheticPortfolio(long seed, long count, double badRows, LocalDate referenceDate,
                                 boolean insideLimitation) {

    /** The default {@link #referenceDate()}. */
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    /** Inside the limitation period, days overdue stay below this (the shortest limitation period is three years). */
    public static final int INSIDE_LIMITATION_MAX_DAYS = 700;

    /** Columns of the CSV, in docs/contract.md order. */
    public static final List<String> CSV_COLUMNS = List.of("id", "name", "daysOverdue", "amountOverdue", "currency",
            "debtorKind", "lateInstalments", "promisesMade", "promisesBroken", "contactAttempts", "contactsReached",
            "daysSinceLastContact", "statedReason", "behaviours", "circumstances", "hasGuarantor", "hasCollateral",
            "lastInterruption", "jurisdiction", "contactHistory");

    /**
     * @throws IllegalArgumentException when count is negative or badRows not within 0..1
     */
    public SyntheticPortfolio {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        if (badRows < 0 || badRows > 1) {
            throw new IllegalArgumentException("bad-rows fraction must be between 0 and 1, was " + badRows);
        }
        Objects.requireNonNull(referenceDate, "referenceDate");
    }

    /**
     * Valid rows only, dates before {@link #DEFAULT_REFERENCE_DATE}, the realistic distribution.
     *
     * @param seed  the seed
     * @param count how many rows
     */
    public SyntheticPortfolio(long seed, long count) {
        this(seed, count, 0, DEFAULT_REFERENCE_DATE, false);
    }

    /**
     * @param fraction fraction 0..1 of rows made invalid on purpose
     * @return these settings with that many bad rows
     */
    public SyntheticPortfolio withBadRows(double fraction) {
        return new SyntheticPortfolio(seed, count, fraction, referenceDate, insideLimitation);
    }

    /**
     * @param date dates in the rows lie before it
     * @return these settings with that reference date
     */
    public SyntheticPortfolio withReferenceDate(LocalDate date) {
        return new SyntheticPortfolio(seed, count, badRows, date, insideLimitation);
    }

    /** @return these settings with debtors inside the limitation period only (see the class comment) */
    public SyntheticPortfolio insideTheLimitationPeriod() {
        return new SyntheticPortfolio(seed, count, badRows, referenceDate, true);
    }

    /**
     * The rows, drawn lazily; each call starts again from the seed.
     *
     * @param format {@link PortfolioFormat#JSONL} or {@link PortfolioFormat#CSV}: a bad row of JSON Lines may be
     *               malformed JSON text, one of CSV has a bad value in its cell instead
     * @return the rows
     * @throws IllegalArgumentException for {@link PortfolioFormat#JSON}
     */
    public Iterator<GeneratedRow> rows(PortfolioFormat format) {
        if (format == PortfolioFormat.JSON) {
            throw new IllegalArgumentException("a synthetic portfolio is written as JSONL or CSV, not JSON");
        }
        return new SyntheticRows(this, format == PortfolioFormat.JSONL);
    }

    /**
     * @param format JSONL or CSV, see {@link #rows(PortfolioFormat)}
     * @return the rows as a lazy, ordered stream
     */
    public Stream<GeneratedRow> stream(PortfolioFormat format) {
        return StreamSupport.stream(Spliterators.spliterator(rows(format), count,
                Spliterator.ORDERED | Spliterator.SIZED | Spliterator.NONNULL), false);
    }

    /**
     * The valid rows as debtors, e.g. for benchmarks. Bad rows, if any, are left out.
     *
     * @return a lazy stream of debtors
     */
    public Stream<Debtor> debtors() {
        return stream(PortfolioFormat.JSONL).filter(r -> !r.bad()).map(r -> Debtor.fromFields(r.fields()));
    }

    /**
     * Writes the portfolio to a file, replacing it.
     *
     * @param file   the file
     * @param format JSONL or CSV
     * @return how many bad rows were written
     * @throws IOException when the file cannot be written
     */
    public long write(Path file, PortfolioFormat format) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            return write(out, format);
        }
    }

    /**
     * Writes the portfolio: JSON Lines (one object per line), or CSV with a header of {@link #CSV_COLUMNS}, sets
     * joined with {@code |} and {@code contactHistory} as JSON text. Flushes, does not close.
     *
     * @param out    where to
     * @param format JSONL or CSV
     * @return how many bad rows were written
     * @throws IOException when writing fails
     */
    public long write(Writer out, PortfolioFormat format) throws IOException {
        Iterator<GeneratedRow> rows = rows(format);
        return format == PortfolioFormat.JSONL ? writeJsonLines(rows, out) : writeCsv(rows, out);
    }

    private static long writeJsonLines(Iterator<GeneratedRow> rows, Writer writer) throws IOException {
        JsonGenerator g = RowReader.JSON.getFactory().createGenerator(writer);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.setRootValueSeparator(null);
        long bad = 0;
        while (rows.hasNext()) {
            GeneratedRow row = rows.next();
            bad += row.bad() ? 1 : 0;
            if (row.malformedJson() != null) {
                g.flush();
                writer.write(row.malformedJson());
            } else {
                RowReader.JSON.writeValue(g, row.fields());
                g.flush();
            }
            writer.write('\n');
        }
        g.flush();
        writer.flush();
        return bad;
    }

    private static long writeCsv(Iterator<GeneratedRow> rows, Writer writer) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get());
        List<Object> values = new ArrayList<>(CSV_COLUMNS.size());
        long bad = 0;
        while (rows.hasNext()) {
            GeneratedRow row = rows.next();
            bad += row.bad() ? 1 : 0;
            Map<String, Object> f = row.fields();
            values.clear();
            for (String column : CSV_COLUMNS) {
                Object v = f.get(column);
                if (v == null) {
                    values.add("");
                } else if ("contactHistory".equals(column)) {
                    values.add(RowReader.JSON.writeValueAsString(v));
                } else if (v instanceof Collection<?> c) {
                    values.add(String.join("|", c.stream().map(String::valueOf).toList()));
                } else {
                    values.add(v);
                }
            }
            printer.printRecord(values);
        }
        printer.flush();
        return bad;
    }
}
