package io.collectionstrategy.spark;

import io.collectionstrategy.Debtor;
import io.collectionstrategy.examples.portfolio.PortfolioRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a portfolio into {@link PortfolioRow}s without letting Spark reject anything: JSON Lines are read as text
 * and parsed per line where they are assessed ({@link PortfolioRow#parsed()}, the row reader of the examples'
 * portfolio module), CSV columns are all read as text, Parquet values are converted to the plain Java values
 * {@link Debtor#fromFields(Map)} takes. A bad value thus becomes an error record of its row rather than a failure
 * of the read. Each file is numbered on its own, so an error names the file and the line or row.
 */
public final class PortfolioReader {

    /** The column Spark's CSV reader fills with a row whose shape does not match the header. */
    static final String CORRUPT = "_corrupt_record";

    private final SparkSession spark;

    /** @param spark the session to read with */
    public PortfolioReader(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Reads every file of the input.
     *
     * @param input  a file, a directory (its data files, not those starting with {@code _} or {@code .}) or a glob
     * @param format the format, or {@code null} to tell each file's by its extension
     * @return the records of every file, numbered per file
     * @throws IllegalArgumentException when there is no input file, a format cannot be told, or a CSV or Parquet
     *                                  file has a column that is not a docs/contract.md field
     */
    public JavaRDD<PortfolioRow> read(String input, InputFormat format) {
        List<String> files = listFiles(input);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files at " + input);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaRDD<PortfolioRow>> parts = new ArrayList<>(files.size());
        for (String file : files) {
            InputFormat f = format != null ? format : InputFormat.ofFileName(file);
            if (f == null) {
                throw new IllegalArgumentException("cannot tell the format of " + file
                        + " from its extension (.parquet, .csv, .jsonl): give --format");
            }
            parts.add(switch (f) {
                case JSONL -> jsonLines(file);
                case CSV -> csv(file);
                case PARQUET -> parquet(file);
            });
        }
        return parts.size() == 1 ? parts.get(0) : jsc.union(parts.toArray(JavaRDD[]::new));
    }

    /** The input's files, sorted by path. */
    List<String> listFiles(String input) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null) {
                return List.of();
            }
            List<String> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    for (FileStatus child : fs.listStatus(match.getPath())) {
                        String name = child.getPath().getName();
                        if (child.isFile() && !name.startsWith("_") && !name.startsWith(".") && !name.endsWith(".crc")) {
                            files.add(child.getPath().toString());
                        }
                    }
                } else {
                    files.add(match.getPath().toString());
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input " + input, e);
        }
    }

    private JavaRDD<PortfolioRow> jsonLines(String file) {
        return spark.read().text(file).javaRDD().zipWithIndex()
                .filter(t -> !t._1().isNullAt(0) && !t._1().getString(0).isBlank())
                .map(t -> PortfolioRow.unparsed(file, t._2() + 1, t._1().getString(0)));
    }

    private JavaRDD<PortfolioRow> csv(String file) {
        String[] header = spark.read().option("header", true).option("escape", "\"").csv(file).columns();
        checkColumns(file, Arrays.asList(header));
        List<StructField> fields = new ArrayList<>();
        for (String column : header) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        StructType schema = DataTypes.createStructType(fields);
        Dataset<Row> rows = spark.read()
                .schema(schema)
                .option("header", true)
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .csv(file);
        int columns = header.length;
        int idIndex = Arrays.asList(header).indexOf("id");
        return rows.javaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            long row = t._2() + 1;
            if (!r.isNullAt(columns)) {
                String idHint = !r.isNullAt(idIndex) ? r.getString(idIndex) : null;
                return PortfolioRow.malformed(file, row, "malformed CSV row: it does not have the " + columns
                        + " columns of the header", idHint);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns; i++) {
                if (!r.isNullAt(i)) {
                    values.put(header[i], r.getString(i));
                }
            }
            return PortfolioRow.of(file, row, values);
        });
    }

    private JavaRDD<PortfolioRow> parquet(String file) {
        Dataset<Row> rows = spark.read().parquet(file);
        String[] columns = rows.columns();
        checkColumns(file, Arrays.asList(columns));
        return rows.javaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                Object v = plain(r.get(i));
                if (v != null) {
                    values.put(columns[i], v);
                }
            }
            return PortfolioRow.of(file, t._2() + 1, values);
        });
    }

    /**
     * Fails fast on a column that is not a debtor field: otherwise every row would fail alike.
     */
    static void checkColumns(String file, List<String> columns) {
        List<String> unknown = columns.stream().filter(c -> !Debtor.FIELDS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + " has columns that are not debtor fields: " + unknown
                    + "; expected only " + Debtor.FIELDS);
        }
        if (!columns.contains("id")) {
            throw new IllegalArgumentException(file + " has no id column; columns: " + columns);
        }
    }

    /**
     * Converts a Spark value to the plain Java value {@link Debtor#fromFields(Map)} takes: Scala collections to Java
     * lists and maps, structs to maps, dates to {@link java.time.LocalDate}, timestamps to
     * {@link java.time.OffsetDateTime} in UTC.
     *
     * @param v the value of a column
     * @return the plain value, {@code null} for null
     */
    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Row r) {
            Map<String, Object> map = new LinkedHashMap<>();
            String[] names = r.schema().fieldNames();
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], plain(r.get(i)));
            }
            return map;
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            // plain iterators: the same in Scala 2.12 and 2.13 (the converters' classes differ between them)
            for (scala.collection.Iterator<?> it = m.iterator(); it.hasNext(); ) {
                scala.Tuple2<?, ?> entry = (scala.Tuple2<?, ?>) it.next();
                map.put(String.valueOf(entry._1()), plain(entry._2()));
            }
            return map;
        }
        if (v instanceof scala.collection.Iterable<?> s) {
            List<Object> list = new ArrayList<>();
            for (scala.collection.Iterator<?> it = s.iterator(); it.hasNext(); ) {
                list.add(plain(it.next()));
            }
            return list;
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return v; // LocalDate, LocalDateTime and the like: fromFields accepts or names them
    }
}
