package io.collectionstrategy.cli;

import io.collectionstrategy.incentives.IncentiveResult;
import io.collectionstrategy.incentives.IncentiveStatement;
import io.collectionstrategy.incentives.UnitTotals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The business units' statements of one run, one Markdown file per unit in a directory, written while the second
 * pass streams the receivables: each file gets its header (the unit's totals from the first pass) at the start, a
 * table row per receivable as it comes, and its footer at the end. At most {@value #OPEN_FILES} files are open at
 * once; a file closed to make room is reopened to append.
 */
final class StatementFiles implements AutoCloseable {

    static final int OPEN_FILES = 32;

    private final IncentiveStatement statement;
    private final Map<String, UnitTotals> units = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, Writer> open = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Creates one file per unit with its header, replacing a file of the same name.
     *
     * @param dir       the directory, created when missing
     * @param statement the statement writer of the settlement
     * @param totals    every unit's totals
     */
    StatementFiles(Path dir, IncentiveStatement statement, List<UnitTotals> totals) {
        this.statement = statement;
        try {
            Files.createDirectories(dir);
            Set<String> taken = new HashSet<>();
            for (UnitTotals u : totals) {
                String name = fileName(u.unit());
                String unique = name;
                for (int i = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = name + "-" + i;
                }
                Path file = dir.resolve(unique + ".md");
                units.put(u.unit(), u);
                files.put(u.unit(), file);
                Files.writeString(file, statement.header(u), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new StartupException("cannot write statements to " + dir + ": " + e);
        }
    }

    /** A file name for a unit: letters, digits, {@code .}, {@code _} and {@code -}; anything else becomes {@code _}. */
    static String fileName(String unit) {
        String name = unit.strip().replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^[.]+", "_");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name.isEmpty() ? "_" : name;
    }

    /** @return the file of each unit, by unit */
    Map<String, Path> files() {
        return files;
    }

    /** Appends a receivable's row to its unit's statement. */
    void line(IncentiveResult r) {
        try {
            writer(r.unit()).write(statement.line(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the statement of unit " + r.unit() + ": " + e.getMessage(), e);
        }
    }

    private Writer writer(String unit) throws IOException {
        Writer w = open.get(unit);
        if (w == null) {
            if (open.size() >= OPEN_FILES) {
                var eldest = open.entrySet().iterator().next();
                eldest.getValue().close();
                open.remove(eldest.getKey());
            }
            w = new BufferedWriter(Files.newBufferedWriter(files.get(unit), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND));
            open.put(unit, w);
        }
        return w;
    }

    /** Writes every footer and closes every file. */
    @Override
    public void close() throws IOException {
        for (Writer w : open.values()) {
            w.close();
        }
        open.clear();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Files.writeString(e.getValue(), statement.footer(units.get(e.getKey())), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
    }
}
