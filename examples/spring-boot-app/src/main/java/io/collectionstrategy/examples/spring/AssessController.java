package io.collectionstrategy.examples.spring;

import io.collectionstrategy.Assessment;
import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /assess}: a debtor's JSON in (read by Spring's own {@code ObjectMapper}, which goes through
 * {@code Debtor.fromFields}), the contract's assessment out (written by the same mapper, in the library's shape).
 */
@RestController
public class AssessController {

    private final CollectionStrategy strategy;

    /**
     * @param strategy the starter's shared strategy
     */
    public AssessController(CollectionStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * @param debtor the debtor
     * @param asOf   the evaluation date; default today
     * @return the assessment
     */
    @PostMapping("/assess")
    public Assessment assess(@RequestBody Debtor debtor,
                             @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return strategy.assess(debtor, asOf == null ? LocalDate.now() : asOf);
    }

    /**
     * A debtor field that is not acceptable, in the body or against the evaluation date: 400 naming the field, the
     * value (never a name) and what was expected.
     *
     * @param e the failure
     * @return the problem document
     */
    @ExceptionHandler(InvalidDebtorException.class)
    public ProblemDetail invalidDebtor(InvalidDebtorException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("A debtor field is not acceptable");
        p.setProperty("field", e.field());
        if (!"name".equals(e.field())) {
            p.setProperty("value", e.value());
        }
        p.setProperty("expected", e.expected());
        return p;
    }

    /**
     * A body Jackson could not turn into a debtor: an {@link InvalidDebtorException} inside becomes its problem,
     * anything else a plain 400.
     *
     * @param e the failure
     * @return the problem document
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidDebtorException invalid) {
                return invalidDebtor(invalid);
            }
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not a debtor's JSON object");
    }
}
