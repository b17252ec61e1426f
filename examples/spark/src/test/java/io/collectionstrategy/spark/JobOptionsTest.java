package io.collectionstrategy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void parse_everyOption_readsEach() {
        JobOptions o = JobOptions.parse(new String[] {"--input", "in.csv", "--output=out", "--format", "csv",
                "--output-format", "json", "--rulebook", "rb", "--as-of", "2026-10-01", "--locale", "en",
                "--partitions", "8", "--overwrite", "--master", "local[2]"}, TODAY);

        assertThat(o).isEqualTo(new JobOptions("in.csv", "out", InputFormat.CSV, OutputFormat.JSON, "rb",
                LocalDate.of(2026, 10, 1), "en", 8, true, "local[2]"));
    }

    @Test
    void parse_onlyRequired_defaults() {
        JobOptions o = JobOptions.parse(new String[] {"--input", "p.jsonl", "--output", "out"}, TODAY);

        assertThat(o).isEqualTo(JobOptions.of("p.jsonl", "out", TODAY));
        assertThat(o.outputFormat()).isEqualTo(OutputFormat.PARQUET);
    }

    @Test
    void parse_help_null() {
        assertThat(JobOptions.parse(new String[] {"--help"}, TODAY)).isNull();
    }

    @Test
    void parse_badValues_namesTheOption() {
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "x"}, TODAY))
                .hasMessage("--output is required");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "x", "--output", "y", "--as-of", "soon"}, TODAY))
                .hasMessageContaining("--as-of").hasMessageContaining("\"soon\"");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input", "x", "--output", "y", "--format", "xml"}, TODAY))
                .hasMessageContaining("parquet, csv, jsonl");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--inputs", "x"}, TODAY))
                .hasMessage("unknown option \"--inputs\"");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--input"}, TODAY))
                .hasMessage("--input needs a value");
    }

    @Test
    void ofFileName_knownExtensions_format() {
        assertThat(InputFormat.ofFileName("a/part-0001.snappy.parquet")).isEqualTo(InputFormat.PARQUET);
        assertThat(InputFormat.ofFileName("p.CSV")).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.ofFileName("p.jsonl.gz")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.ofFileName("p.txt")).isNull();
    }
}
