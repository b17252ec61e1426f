package io.collectionstrategy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.collectionstrategy.facts.Outcome;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The sandbox of rulebooks loaded without {@code allowUnsafeRules}: an allowlist on the parsed structure of each
 * {@code .drl} file. Drools' own parser gives the package, its imports, globals and rules, each rule's patterns and
 * constraints and its consequence; Drools' expression parser splits each constraint into operators and operands,
 * and JavaParser parses every operand and every consequence. Only this subset is accepted:
 *
 * <ul>
 *   <li>imports of the fact, value and vocabulary types of the rulebook's {@link RulebookKind} (for the collection
 *       rulebook {@link RulebookKind#COLLECTION}), of {@code java.time} and of {@code java.math}; the one global
 *       {@code outcome} of the kind's type ({@link Outcome} for the collection rulebook);</li>
 *   <li>rules with an {@code @id("...")} (string literal), the attributes {@code salience} (a whole number),
 *       {@code no-loop}, {@code lock-on-active}, {@code auto-focus}, {@code enabled} (true or false),
 *       {@code agenda-group}, {@code activation-group}, {@code ruleflow-group}, {@code date-effective},
 *       {@code date-expires} and {@code dialect "java"};</li>
 *   <li>patterns on the kind's facts ({@link RulebookKind#facts()}), alone or under {@code not}, {@code exists}, {@code and},
 *       {@code or}, with constraints over their properties: literals, enum constants and constants of the
 *       vocabulary types, bound variables, arithmetic, the operators {@code == != < <= > >= contains memberOf
 *       matches} (and {@code not contains}, {@code not memberOf}, {@code in}, {@code not in}), {@code && || !},
 *       and the safe methods of {@link #SAFE_METHODS}; {@code matches} only with a literal pattern that matches in
 *       linear time ({@link #regexProblem});</li>
 *   <li>consequences made of calls on {@code outcome} (the methods of the kind's interface), local variables and
 *       {@code if}/{@code else}, with arguments built from the same expressions.</li>
 * </ul>
 *
 * <p>Everything else is refused by construction, each with {@code file:line}, what was found and what to write
 * instead: {@code function}, {@code declare}, {@code query}, {@code eval}, {@code from}, {@code accumulate},
 * {@code collect}, {@code forall}, named consequences, {@code dialect "mvel"}, {@code timer}, loops, {@code new},
 * casts, lambdas, any class outside the allowlist (qualified or not), {@code drools}, {@code kcontext}, other globals,
 * {@code insert}/{@code update}/{@code modify}/{@code delete}, text blocks and Unicode escapes.
 */
final class RuleSandbox {

    /**
     * Methods any value may be asked, by name and number of arguments, with the type they give ({@code null}: any):
     * length and prefix tests of text, size and membership of collections, comparisons of dates and amounts.
     * None of them can reach outside the value it is called on.
     */
    static final Map<String, Class<?>> SAFE_METHODS = new LinkedHashMap<>();
    /** Package names a rulebook may not use: the generated classes would live in them. */
    private static final List<String> RESERVED_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun", "org.drools",
            "org.kie", "org.mvel2", "io.collectionstrategy");

    static {
        SAFE_METHODS.put("length/0", int.class);
        SAFE_METHODS.put("isEmpty/0", boolean.class);
        SAFE_METHODS.put("isBlank/0", boolean.class);
        SAFE_METHODS.put("startsWith/1", boolean.class);
        SAFE_METHODS.put("endsWith/1", boolean.class);
        SAFE_METHODS.put("contains/1", boolean.class);
        SAFE_METHODS.put("equals/1", boolean.class);
        SAFE_METHODS.put("equalsIgnoreCase/1", boolean.class);
        SAFE_METHODS.put("compareTo/1", int.class);
        SAFE_METHODS.put("toLowerCase/0", String.class);
        SAFE_METHODS.put("toUpperCase/0", String.class);
        SAFE_METHODS.put("trim/0", String.class);
        SAFE_METHODS.put("strip/0", String.class);
        SAFE_METHODS.put("size/0", int.class);
        SAFE_METHODS.put("name/0", String.class);
        SAFE_METHODS.put("toString/0", String.class);
        SAFE_METHODS.put("isBefore/1", boolean.class);
        SAFE_METHODS.put("isAfter/1", boolean.class);
        SAFE_METHODS.put("isEqual/1", boolean.class);
        SAFE_METHODS.put("signum/0", int.class);
        SAFE_METHODS.put("intValue/0", int.class);
        SAFE_METHODS.put("longValue/0", long.class);
        SAFE_METHODS.put("doubleValue/0", double.class);
    }

    /** Rule attributes the sandbox accepts, with the kind of value each takes. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(Map.entry("salience", "number"),
            Map.entry("no-loop", "boolean"), Map.entry("lock-on-active", "boolean"), Map.entry("auto-focus", "boolean"),
            Map.entry("enabled", "boolean"), Map.entry("agenda-group", "text"), Map.entry("activation-group", "text"),
            Map.entry("ruleflow-group", "text"), Map.entry("date-effective", "text"), Map.entry("date-expires", "text"),
            Map.entry("dialect", "java"));
    /** Rule annotations the sandbox accepts; their value must be one string literal (Drools evaluates it). */
    private static final Set<String> ANNOTATIONS = Set.of("id", "description");
    /** Operators of constraints (Drools' expression parser already turned {@code in} into {@code ==}). */
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains", "memberOf",
            "matches", "excludes");
    private static final Set<BinaryExpr.Operator> BINARY = Set.of(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER,
            BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.LESS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.AND, BinaryExpr.Operator.OR);
    /** Names a rule may not take for a variable: the engine's own. */
    private static final Set<String> RESERVED_NAMES = Set.of("drools", "kcontext", "outcome", "consequenceCtx", "context");
    /** Calls of the engine that change working memory, with what to write instead ({@code %s}: the kind's calls). */
    private static final Map<String, String> ENGINE_CALLS = Map.of(
            "insert", "write conclusions with %s",
            "insertLogical", "write conclusions with %s",
            "update", "facts are read-only: write conclusions to outcome",
            "modify", "facts are read-only: write conclusions to outcome",
            "delete", "facts are read-only: write conclusions to outcome",
            "retract", "facts are read-only: write conclusions to outcome",
            "halt", "a rule cannot stop the engine");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\[^u\\n])*\"");
    private static final String OPT_OUT = " (a trusted Java caller may opt out with allowUnsafeRules)";
    private static final String SUBSET = "a rule reads facts in its conditions and writes to outcome in its then part";

    private final RulebookKind kind;
    /** Every class a rulebook of the kind may import by name. */
    private final Map<String, Class<?>> importable;
    private final List<String> importablePackages;
    private final String path;
    private final String source;
    private final List<RulebookProblem> problems;
    /** The steps the rulebook declares besides the built-in ones ({@link DeclaredSteps}). */
    private final Set<String> declaredSteps;
    private final JavaParser javaParser;
    /** The names of every property accessor of the kind's facts and values, for variables of unknown type. */
    private Set<String> accessorNames;
    /** Simple name to class, from the file's imports (allowed ones only). */
    private final Map<String, Class<?>> imported = new HashMap<>();
    /** Packages imported whole. */
    private final Set<String> wildcards = new LinkedHashSet<>();

    private RuleSandbox(RulebookKind kind, String path, String source, List<RulebookProblem> problems,
                        Set<String> declaredSteps) {
        this.kind = kind;
        this.declaredSteps = declaredSteps;
        this.importable = kind.importable();
        this.importablePackages = kind.importablePackages();
        this.path = path;
        this.source = source;
        this.problems = problems;
        ParserConfiguration config = new ParserConfiguration();
        config.setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        config.setAttributeComments(false);
        config.setPreprocessUnicodeEscapes(false);
        this.javaParser = new JavaParser(config);
    }

    /**
     * Checks one parsed {@code .drl} file against the sandbox.
     *
     * @param kind     what the rulebook's rules may read and write
     * @param path     the file, relative to the rulebook
     * @param source   its text
     * @param pkg      what Drools' parser made of it
     * @param problems where each refusal goes, as {@code file:line: message}
     */
    static void check(RulebookKind kind, String path, String source, PackageDescr pkg, List<RulebookProblem> problems) {
        check(kind, path, source, pkg, problems, Set.of());
    }

    /** As above, with the step names the rulebook declares ({@link DeclaredSteps#names()}). */
    static void check(RulebookKind kind, String path, String source, PackageDescr pkg, List<RulebookProblem> problems,
                      Set<String> declaredSteps) {
        new RuleSandbox(kind, path, source, problems, declaredSteps).check(pkg);
    }

    /**
     * A text a rule's {@code then} part writes (a step reason, a warning message, a cue), with its line in the file.
     *
     * @param rule the rule's {@code @id}, or its name when it has none
     * @param text the text: the string literals of one expression, in order, with a space for each part that is not
     *             a literal ({@code "over " + $days + " days"} is {@code "over   days"})
     */
    record RuleText(String rule, String name, int line, String text) {
    }

    /**
     * The texts of every rule's {@code then} part, as the parser reads them (the same reading as the sandbox's); a
     * then part that is not Java the parser reads (a trusted rulebook's MVEL) gives its string literals one by one.
     */
    static List<RuleText> texts(String source, PackageDescr pkg) {
        List<RuleText> out = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            if (!(rule.getConsequence() instanceof String text) || text.isBlank()) {
                continue;
            }
            AnnotationDescr idAnnotation = rule.getAnnotation("id");
            Object idValue = idAnnotation == null ? null : idAnnotation.getValue();
            String id = idValue == null ? rule.getName() : idValue.toString().replaceAll("^\"|\"$", "");
            int from = 0;
            for (int l = 1; l < Math.max(rule.getConsequenceLine(), 1) && from >= 0; l++) {
                from = source.indexOf('\n', from) + 1;
                if (from == 0) {
                    from = source.length();
                    break;
                }
            }
            int at = source.indexOf(text, Math.max(from, 0));
            int baseLine = lineAt(source, at < 0 ? Math.max(from, 0) : at);
            ParserConfiguration config = new ParserConfiguration();
            config.setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
            config.setAttributeComments(false);
            config.setPreprocessUnicodeEscapes(false);
            ParseResult<BlockStmt> parsed = new JavaParser(config).parse(ParseStart.BLOCK,
                    Providers.provider("{" + text + "\n}"));
            if (parsed.isSuccessful() && parsed.getResult().isPresent()) {
                for (Expression e : parsed.getResult().get().findAll(Expression.class, RuleSandbox::isTextRoot)) {
                    StringBuilder joined = new StringBuilder();
                    literals(e, joined);
                    int line = baseLine + e.getBegin().map(p -> p.line - 1).orElse(0);
                    out.add(new RuleText(id, rule.getName(), line, joined.toString()));
                }
            } else {
                Matcher m = STRING_LITERAL.matcher(text);
                while (m.find()) {
                    String literal = m.group();
                    out.add(new RuleText(id, rule.getName(), baseLine + lineAt(text, m.start()) - 1,
                            literal.substring(1, literal.length() - 1)));
                }
            }
        }
        return out;
    }

    /** A string literal, or a sum holding one, that is not itself part of a larger sum. */
    private static boolean isTextRoot(Expression e) {
        boolean text = e instanceof StringLiteralExpr || e instanceof BinaryExpr b
                && b.getOperator() == BinaryExpr.Operator.PLUS && !b.findAll(StringLiteralExpr.class).isEmpty();
        if (!text) {
            return false;
        }
        Node parent = e.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr) {
            parent = parent.getParentNode().orElse(null);
        }
        return !(parent instanceof BinaryExpr pb && pb.getOperator() == BinaryExpr.Operator.PLUS);
    }

    private static void literals(Expression e, StringBuilder out) {
        if (e instanceof StringLiteralExpr s) {
            out.append(s.asString());
        } else if (e instanceof EnclosedExpr en) {
            literals(en.getInner(), out);
        } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            literals(b.getLeft(), out);
            literals(b.getRight(), out);
        } else {
            out.append(' ');
        }
    }

    /** The language level of Drools' parsers, as the knowledge builder uses it (DRL6 unless configured). */
    private static final LanguageLevelOption LEVEL = org.kie.internal.builder.KnowledgeBuilderFactory
            .newKnowledgeBuilderConfiguration().getOption(LanguageLevelOption.KEY);

    /**
     * Refuses Unicode escapes anywhere in the text, comments and strings included: Java reads {@code \u0053ystem} as
     * {@code System} and {@code \u000a} as a line break, before any parser sees the code.
     */
    static void checkEscapes(String path, String source, List<RulebookProblem> problems) {
        Matcher escape = UNICODE_ESCAPE.matcher(source);
        if (escape.find()) {
            problems.add(new RulebookProblem(path, lineAt(source, escape.start()), "Unicode escapes (" + escape.group()
                    + ") are not allowed in rules, not even in comments or texts: write the character itself"));
        }
    }

    private void refuse(int line, String message) {
        problems.add(new RulebookProblem(path, Math.max(line, 0), message));
    }

    // ------------------------------------------------------------------ the package

    private void check(PackageDescr pkg) {
        String name = pkg.getName() == null ? "" : pkg.getName();
        for (String reserved : RESERVED_PACKAGES) {
            if (name.equals(reserved) || name.startsWith(reserved + ".")) {
                refuse(lineOf("package"), "package " + name + " is reserved: name the rulebook's package after its"
                        + " concern, e.g. package collection;");
            }
        }
        for (ImportDescr imp : pkg.getImports()) {
            checkImport(imp);
        }
        pkg.getFunctionImports().forEach(f -> refuse(f.getLine(), "import function " + f.getTarget()
                + " is not allowed: " + SUBSET + OPT_OUT));
        pkg.getAccumulateImports().forEach(a -> refuse(a.getLine(), "import accumulate " + a.getTarget()
                + " is not allowed: " + SUBSET + OPT_OUT));
        for (GlobalDescr g : pkg.getGlobals()) {
            Class<?> type = kind.outcome();
            boolean outcome = g.getIdentifier().equals(CompiledRulebook.OUTCOME) && (g.getType().equals(type.getName())
                    || g.getType().equals(type.getSimpleName()) && imported.get(type.getSimpleName()) == type);
            if (!outcome) {
                refuse(g.getLine(), "global " + g.getType() + " " + g.getIdentifier() + " is not allowed: the one global"
                        + " is global " + type.getName() + " outcome;" + OPT_OUT);
            }
        }
        pkg.getFunctions().forEach(f -> refuse(f.getLine(), "function " + f.getName() + " is not allowed: rules may not"
                + " define code; " + SUBSET + OPT_OUT));
        pkg.getTypeDeclarations().forEach(t -> refuse(t.getLine(), "declare " + t.getTypeName() + " is not allowed:"
                + " rules match only the engine's facts (" + factNames() + ")" + OPT_OUT));
        pkg.getEnumDeclarations().forEach(t -> refuse(t.getLine(), "declare enum " + t.getTypeName() + " is not allowed:"
                + " use the engine's vocabularies (" + vocabularyNames() + ")" + OPT_OUT));
        pkg.getEntryPointDeclarations().forEach(e -> refuse(e.getLine(), "declare entry-point is not allowed: rules match"
                + " only the engine's facts" + OPT_OUT));
        pkg.getWindowDeclarations().forEach(w -> refuse(w.getLine(), "declare window is not allowed: rules match only the"
                + " engine's facts" + OPT_OUT));
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit().getLine(), "unit is not allowed: write plain rules" + OPT_OUT);
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            checkAttribute(a, "the package");
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule instanceof QueryDescr) {
                refuse(rule.getLine(), "query " + rule.getName() + " is not allowed: write rules that write to outcome" + OPT_OUT);
                continue;
            }
            new RuleCheck(rule).check();
        }
    }

    private void checkImport(ImportDescr imp) {
        String target = imp.getTarget();
        int line = imp.getLine();
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            if (importablePackages.contains(pkg)) {
                wildcards.add(pkg);
                return;
            }
        } else {
            Class<?> c = importable.get(target);
            if (c == null) {
                c = javaValueType(target);
            }
            if (c != null) {
                imported.put(c.getSimpleName(), c);
                return;
            }
        }
        refuse(line, "import " + target + " is not allowed: a rulebook may import the engine's facts and vocabularies"
                + " (" + importExamples() + ", ...), java.time and java.math" + OPT_OUT);
    }

    /** A class directly in {@code java.time} or {@code java.math}, or null. */
    private static Class<?> javaValueType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !(name.substring(0, dot).equals("java.time") || name.substring(0, dot).equals("java.math"))) {
            return null;
        }
        try {
            Class<?> c = Class.forName(name, false, RuleSandbox.class.getClassLoader());
            return Modifier.isPublic(c.getModifiers()) ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The class a simple or qualified type name stands for in this file, when it is an allowed one; else null. */
    private Class<?> type(String name) {
        if (name.contains(".")) {
            Class<?> c = importable.get(name);
            return c != null ? c : javaValueType(name);
        }
        Class<?> c = imported.get(name);
        if (c != null) {
            return c;
        }
        for (String pkg : wildcards) {
            c = importable.get(pkg + "." + name);
            if (c == null) {
                c = javaValueType(pkg + "." + name);
            }
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private void checkAttribute(AttributeDescr a, String where) {
        String kind = ATTRIBUTES.get(a.getName());
        String value = a.getValue() == null ? "" : a.getValue().trim();
        int line = a.getLine();
        if (kind == null) {
            String what = switch (a.getName()) {
                case "timer", "duration" -> "timers run rules on other threads: rules are evaluated once per assessment";
                case "calendars" -> "calendars are not available to rules";
                default -> "the attributes allowed are " + new java.util.TreeSet<>(ATTRIBUTES.keySet());
            };
            refuse(line, "attribute " + a.getName() + " of " + where + " is not allowed: " + what + OPT_OUT);
            return;
        }
        boolean ok = switch (kind) {
            case "number" -> value.matches("-?[0-9]{1,9}");
            case "boolean" -> value.isEmpty() || value.equals("true") || value.equals("false");
            case "java" -> value.equals("java") || value.equals("\"java\"");
            default -> a.getType() == AttributeDescr.Type.STRING || a.getType() == AttributeDescr.Type.DATE
                    || STRING_LITERAL.matcher(value).matches();
        };
        if (!ok) {
            String expected = switch (kind) {
                case "number" -> "a whole number, e.g. salience 10";
                case "boolean" -> "true or false";
                case "java" -> "\"java\": dialect \"mvel\" runs MVEL code the sandbox cannot check";
                default -> "a text in double quotes";
            };
            refuse(line, "attribute " + a.getName() + " of " + where + " must be " + expected + ", was " + value + OPT_OUT);
        }
    }

    // ------------------------------------------------------------------ one rule

    /** The checks of one rule, with the variables it binds. */
    private final class RuleCheck {
        final RuleDescr rule;
        final String name;
        /** Bound variables ({@code $d : Debtor()}, {@code $n : name}) to their type, null when not known. */
        final Map<String, Class<?>> bound = new HashMap<>();
        /** Local variables of the consequence. */
        final Set<String> locals = new LinkedHashSet<>();
        /** The fact type of the pattern being checked, null in the consequence. */
        Class<?> pattern;
        /** Line and offset in the file of the text being checked. */
        int baseLine;
        int baseOffset;

        RuleCheck(RuleDescr rule) {
            this.rule = rule;
            this.name = "rule \"" + rule.getName() + "\"";
        }

        void check() {
            for (AttributeDescr a : rule.getAttributes().values()) {
                checkAttribute(a, name);
            }
            for (String annotation : rule.getAnnotationNames()) {
                checkAnnotation(rule.getAnnotation(annotation));
            }
            if (rule.getLhs() != null) {
                lhs(rule.getLhs());
            }
            if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
                refuse(rule.getConsequenceLine(), name + ": named consequences (then[...], do[...]) are not allowed:"
                        + " write one then part" + OPT_OUT);
            }
            Object consequence = rule.getConsequence();
            if (consequence != null && !(consequence instanceof String)) {
                refuse(rule.getConsequenceLine(), name + ": its then part is not Java text" + OPT_OUT);
            } else if (consequence != null) {
                consequence((String) consequence);
            }
        }

        private void checkAnnotation(AnnotationDescr ad) {
            int line = ad.getLine() > 0 ? ad.getLine() : rule.getLine();
            if (!ANNOTATIONS.contains(ad.getName())) {
                refuse(line, name + ": annotation @" + ad.getName() + " is not allowed: the annotations allowed are @id(\"...\")"
                        + " and @description(\"...\")" + OPT_OUT);
                return;
            }
            Map<String, Object> values = ad.getValueMap();
            Object value = values.size() == 1 ? values.get(AnnotationDescr.VALUE) : null;
            if (value == null || !STRING_LITERAL.matcher(value.toString().trim()).matches()) {
                refuse(line, name + ": @" + ad.getName() + " must hold one text in double quotes, e.g. @id(\"ESC-020\"),"
                        + " was " + (values.isEmpty() ? "empty" : values.values()) + OPT_OUT);
            }
        }

        // -------------------------------------------------------------- conditions

        private void lhs(BaseDescr d) {
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    lhs(child);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p);
            } else {
                refuse(d.getLine(), name + ": " + describe(d) + " is not allowed in conditions: match the engine's facts"
                        + " with one pattern, e.g. " + kind.examples().pattern() + OPT_OUT);
            }
        }

        private String describe(BaseDescr d) {
            String simple = d.getClass().getSimpleName().replace("Descr", "");
            return switch (simple) {
                case "Eval" -> "eval(...)";
                case "Forall" -> "forall(...)";
                case "Accumulate" -> "accumulate(...)";
                case "Collect" -> "collect(...)";
                case "From" -> "from";
                case "ConditionalBranch" -> "if (...) do[...]";
                case "NamedConsequence" -> "do[...]";
                case "GroupBy" -> "groupby(...)";
                case "EntryPoint" -> "from entry-point";
                case "WindowReference" -> "over window";
                default -> simple.toLowerCase(Locale.ROOT);
            };
        }

        private void pattern(PatternDescr p) {
            int line = p.getLine();
            if (p.getSource() != null) {
                refuse(p.getSource().getLine() > 0 ? p.getSource().getLine() : line, name + ": " + describe(p.getSource())
                        + " is not allowed: patterns match the engine's facts as they are (" + factNames() + ");"
                        + " the values behind a fact are its properties, e.g. " + kind.examples().nested() + OPT_OUT);
                return;
            }
            if (p.isQuery() || p.isUnification()) {
                refuse(line, name + ": queries and unification (:=) are not allowed in patterns" + OPT_OUT);
            }
            if (!p.getAnnotations().isEmpty()) {
                refuse(line, name + ": annotations on patterns are not allowed" + OPT_OUT);
            }
            Class<?> type = type(p.getObjectType());
            List<Class<?>> facts = kind.facts();
            if (p.getIdentifier() != null && (type == null || !facts.contains(type))) {
                bound.put(p.getIdentifier(), null); // refused below; the variable is not reported again
            }
            if (type == null || !facts.contains(type)) {
                String known = type == null && facts.stream().anyMatch(f -> f.getSimpleName().equals(p.getObjectType()))
                        ? ": add import " + facts.stream().filter(f -> f.getSimpleName().equals(p.getObjectType()))
                                .findFirst().map(Class::getName).orElse("") + ";"
                        : ": rules match only the engine's facts " + factNames();
                refuse(line, name + ": a pattern on " + p.getObjectType() + " is not allowed" + known + OPT_OUT);
                return;
            }
            if (p.getIdentifier() != null) {
                bind(p.getIdentifier(), type, line);
            }
            for (BaseDescr c : p.getDescrs()) {
                if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                    refuse(c.getLine() > 0 ? c.getLine() : line, name + ": this kind of constraint (" + c.getText()
                            + ") is not allowed: write property op value, e.g. " + kind.examples().constraint() + OPT_OUT);
                    continue;
                }
                constraint(e, type);
            }
        }

        private void bind(String variable, Class<?> type, int line) {
            if (!isIdentifier(variable) || RESERVED_NAMES.contains(variable)) {
                refuse(line, name + ": " + variable + " cannot be a variable name: use a name like "
                        + kind.examples().variable());
                return;
            }
            bound.put(variable, type);
        }

        private void constraint(ExprConstraintDescr e, Class<?> type) {
            String text = e.getExpression();
            int line = e.getLine() > 0 ? e.getLine() : rule.getLine();
            baseOffset = offsetOf(line, Math.max(e.getColumn(), 0), text);
            baseLine = lineAt(source, baseOffset);
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LEVEL);
            ConstraintConnectiveDescr tree = parser.parse(text);
            if (parser.hasErrors() || tree == null) {
                refuse(baseLine, name + ": cannot read the condition " + oneLine(text) + ": " + (parser.getErrors().isEmpty()
                        ? "" : oneLine(parser.getErrors().get(0).getMessage())));
                return;
            }
            pattern = type;
            condition(tree, text);
            pattern = null;
        }

        private void condition(BaseDescr d, String text) {
            if (d instanceof ConstraintConnectiveDescr c) {
                for (BaseDescr child : c.getDescrs()) {
                    condition(child, text);
                }
            } else if (d instanceof RelationalExprDescr r) {
                String op = r.getOperator();
                if (!OPERATORS.contains(op) || r.getParameters() != null && !r.getParameters().isEmpty()) {
                    refuse(lineIn(text, op), name + ": the operator " + op + (r.getParameters() == null ? ""
                            : r.getParameters()) + " is not allowed: use == != < <= > >= contains, not contains, memberOf,"
                            + " in, not in, matches" + OPT_OUT);
                    return;
                }
                Class<?> left = operand(r.getLeft(), text);
                if (op.equals("matches")) {
                    String regex = literalText(r.getRight());
                    String problem = regex == null ? "its pattern must be a text in double quotes" : regexProblem(regex);
                    if (problem != null) {
                        refuse(lineIn(text, "matches"), name + ": matches " + oneLine(String.valueOf(r.getRight()))
                                + " is not allowed: " + problem + "; or test with startsWith(\"...\"), endsWith(\"...\")"
                                + " or contains(\"...\")");
                        return;
                    }
                }
                Class<?> right = operand(r.getRight(), text);
                String quoted = quotedElement(r.getLeft(), r.getRight(), op);
                if (quoted != null) {
                    refuse(lineIn(text, op), name + ": " + quoted);
                    return;
                }
                String mismatch = mismatch(left, r.getRight(), op);
                if (mismatch == null) {
                    mismatch = mismatch(right, r.getLeft(), op);
                }
                if (mismatch != null) {
                    refuse(lineIn(text, op), name + ": " + mismatch);
                }
            } else if (d instanceof BindingDescr b) {
                if (b.isUnification()) {
                    refuse(baseLine, name + ": unification (:=) is not allowed" + OPT_OUT);
                    return;
                }
                Class<?> t = expression(b.getExpression(), lineIn(text, b.getExpression()));
                bind(b.getVariable(), t, lineIn(text, b.getVariable()));
            } else if (d instanceof AtomicExprDescr a) {
                expression(a.getExpression(), lineIn(text, a.getExpression()));
            } else {
                refuse(baseLine, name + ": the condition " + oneLine(String.valueOf(d)) + " is not allowed: write property"
                        + " op value, e.g. " + kind.examples().constraint() + OPT_OUT);
            }
        }

        /** Checks one side of a comparison and gives its type when it is a single value ({@code null}: unknown). */
        private Class<?> operand(BaseDescr d, String text) {
            if (d instanceof AtomicExprDescr a) {
                return expression(a.getExpression(), lineIn(text, a.getExpression()));
            }
            condition(d, text);
            return null;
        }

        /**
         * A literal compared with a value of another type, which Drools accepts and fails on only when a case is
         * assessed: {@code daysOverdue > "thirty"}. {@code null} when the types agree or are not known.
         */
        private String mismatch(Class<?> type, BaseDescr other, String op) {
            if (type == null || !(other instanceof AtomicExprDescr a) || !a.isLiteral() || op.equals("matches")
                    || op.equals("contains") || op.equals("excludes") || op.equals("memberOf")) {
                return null;
            }
            Expression literal;
            try {
                literal = parseExpression(a.getExpression());
            } catch (IllegalArgumentException e) {
                return null;
            }
            boolean number = type.isPrimitive() && type != boolean.class && type != char.class
                    || Number.class.isAssignableFrom(type);
            boolean text = literal instanceof StringLiteralExpr;
            boolean numeric = literal instanceof IntegerLiteralExpr || literal instanceof LongLiteralExpr
                    || literal instanceof DoubleLiteralExpr;
            if (number && text) {
                return "a number is compared with the text " + a.getExpression() + ": write a number without quotes,"
                        + " e.g. > 30";
            }
            if ((type == boolean.class || type == Boolean.class) && (text || numeric)) {
                return "a yes/no value is compared with " + a.getExpression() + ": write true or false";
            }
            if (type == String.class && (numeric || literal instanceof BooleanLiteralExpr)) {
                return "a text is compared with " + a.getExpression() + ": write the text in double quotes";
            }
            if (type.isEnum() && text) {
                String value = ((StringLiteralExpr) literal).asString();
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equals(value)) {
                        return null;
                    }
                }
                return noSuchValue(type, value);
            }
            if (type.isEnum() && numeric) {
                return noSuchValue(type, a.getExpression());
            }
            if (type == LocalDate.class && (numeric || literal instanceof BooleanLiteralExpr)) {
                return "a date is compared with " + a.getExpression() + ": write a date in quotes, e.g. \"2026-01-31\"";
            }
            return null;
        }

        /**
         * A text in quotes tested against a list of vocabulary values ({@code behaviours contains "AVOIDS_CONTACT"}):
         * never true, since the list holds values, not texts. {@code null} for anything else.
         */
        private String quotedElement(BaseDescr left, BaseDescr right, String op) {
            if (!op.equals("contains") && !op.equals("excludes") || pattern == null
                    || !(left instanceof AtomicExprDescr l) || l.isLiteral()) {
                return null;
            }
            String value = literalText(right);
            if (value == null) {
                return null;
            }
            Class<?> owner = pattern;
            java.lang.reflect.Type type = null;
            for (String part : l.getExpression().trim().split("\\.")) {
                if (owner == null || !part.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    return null;
                }
                Method m = property(owner, part);
                if (m == null) {
                    return null;
                }
                type = m.getGenericReturnType();
                owner = m.getReturnType();
            }
            if (!(type instanceof java.lang.reflect.ParameterizedType pt) || owner == null
                    || !java.util.Collection.class.isAssignableFrom(owner)
                    || !(pt.getActualTypeArguments()[0] instanceof Class<?> element) || !element.isEnum()) {
                return null;
            }
            for (Object c : element.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(value)) {
                    return l.getExpression().trim() + " holds " + element.getSimpleName() + " values, not texts: write "
                            + element.getSimpleName() + "." + value + " without quotes";
                }
            }
            return noSuchValue(element, value) + " (write " + element.getSimpleName() + ".VALUE without quotes)";
        }

        private String literalText(BaseDescr d) {
            if (d instanceof AtomicExprDescr a && a.isLiteral()) {
                try {
                    Expression e = parseExpression(a.getExpression());
                    if (e instanceof StringLiteralExpr s) {
                        return s.asString();
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return null;
        }

        /** The line in the file of a part of the constraint text. */
        private int lineIn(String text, String part) {
            int i = part == null ? -1 : text.indexOf(part);
            return i < 0 ? baseLine : lineAt(source, baseOffset + i);
        }

        private Class<?> expression(String text, int line) {
            Expression e;
            try {
                e = parseExpression(text);
            } catch (IllegalArgumentException ex) {
                refuse(line, name + ": cannot read " + oneLine(text) + " as a condition the sandbox allows: "
                        + ex.getMessage() + OPT_OUT);
                return null;
            }
            return new ExpressionCheck(this, line).check(e);
        }

        // -------------------------------------------------------------- consequence

        private void consequence(String text) {
            int start = consequenceOffset(text);
            baseOffset = start;
            baseLine = lineAt(source, start);
            ParseResult<BlockStmt> result = javaParser.parse(ParseStart.BLOCK, Providers.provider("{" + text + "\n}"));
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                String why = result.getProblems().isEmpty() ? "" : result.getProblems().get(0).getMessage();
                int at = result.getProblems().isEmpty() ? 0 : result.getProblems().get(0).getLocation()
                        .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line - 1).orElse(0);
                refuse(baseLine + at, name + ": its then part is not Java the sandbox can read (" + oneLine(why)
                        .replaceAll("Problem stacktrace.*", "") + "): " + SUBSET + ", e.g. " + kind.examples().call()
                        + "; (Drools' modify, insert and the like are not allowed)" + OPT_OUT);
                return;
            }
            for (Statement s : result.getResult().get().getStatements()) {
                statement(s);
            }
        }

        private int consequenceOffset(String text) {
            int from = offsetOf(Math.max(rule.getConsequenceLine(), 1), 0, "");
            int i = source.indexOf(text, from);
            return i < 0 ? from : i;
        }

        int line(Node n) {
            return baseLine + n.getBegin().map(p -> p.line - 1).orElse(0);
        }

        private void statement(Statement s) {
            int line = line(s);
            if (s instanceof EmptyStmt) {
                return;
            }
            if (s instanceof BlockStmt b) {
                b.getStatements().forEach(this::statement);
            } else if (s instanceof IfStmt i) {
                new ExpressionCheck(this, line(i.getCondition())).check(i.getCondition());
                statement(i.getThenStmt());
                i.getElseStmt().ifPresent(this::statement);
            } else if (s instanceof ExpressionStmt x) {
                Expression e = x.getExpression();
                if (e instanceof MethodCallExpr call) {
                    boolean onOutcome = call.getScope().filter(sc -> sc instanceof NameExpr n
                            && n.getNameAsString().equals(CompiledRulebook.OUTCOME)).isPresent();
                    if (!onOutcome && insertsStepOrWarning(call)) {
                        ObjectCreationExpr created = (ObjectCreationExpr) call.getArgument(0);
                        created.getArguments().forEach(a -> new ExpressionCheck(this, line).check(a));
                        if (type(created.getType().getNameWithScope()) == EscalationStep.class
                                && created.getArgument(0) instanceof StringLiteralExpr step) {
                            new ExpressionCheck(this, line).stepName(created, step.asString());
                        }
                        return;
                    }
                    if (!onOutcome) {
                        int before = problems.size();
                        new ExpressionCheck(this, line).check(call); // names the call that is not allowed
                        if (problems.size() > before) {
                            return;
                        }
                        refuse(line, name + ": " + oneLine(call.toString()) + " is not allowed as a statement: a then part"
                                + " calls " + kind.writes());
                        return;
                    }
                    new ExpressionCheck(this, line).outcomeCall(call);
                } else if (e instanceof VariableDeclarationExpr v) {
                    declaration(v, line);
                } else if (e instanceof AssignExpr a && a.getTarget() instanceof NameExpr target
                        && locals.contains(target.getNameAsString())
                        && (a.getOperator() == AssignExpr.Operator.ASSIGN || a.getOperator() == AssignExpr.Operator.PLUS)) {
                    new ExpressionCheck(this, line).check(a.getValue());
                } else {
                    refuse(line, name + ": " + oneLine(e.toString()) + " is not allowed: " + SUBSET
                            + "; local variables are declared with a value, e.g. String why = \"...\" + $days;");
                }
            } else {
                String what = switch (s.getClass().getSimpleName()) {
                    case "WhileStmt", "DoStmt", "ForStmt", "ForEachStmt" -> "loops are not allowed: a rule fires once for"
                            + " each match of its conditions; write one rule per case";
                    case "TryStmt", "ThrowStmt" -> "try and throw are not allowed: the engine reports a failing rule itself";
                    case "ReturnStmt", "BreakStmt", "ContinueStmt", "LabeledStmt", "YieldStmt" -> "jumps are not allowed:"
                            + " use if/else";
                    case "SwitchStmt" -> "switch is not allowed: use if/else or one rule per case";
                    case "SynchronizedStmt" -> "synchronized is not allowed";
                    case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> "classes are not allowed in rules";
                    default -> "this statement is not allowed";
                };
                refuse(line, name + ": " + what + "; " + SUBSET + OPT_OUT);
            }
        }

        /**
         * The one form of {@code insert} the sandbox accepts: {@code insert( new EscalationStep( step, inDays, reason ) )}
         * or {@code insert( new Warning( code, message ) )}, which count like {@code outcome.step} and
         * {@code outcome.warning}. No rule can match these facts, so they cannot make rules fire again.
         */
        private boolean insertsStepOrWarning(MethodCallExpr call) {
            if (call.getScope().isPresent() || !call.getNameAsString().equals("insert") || call.getArguments().size() != 1
                    || !(call.getArgument(0) instanceof ObjectCreationExpr created)
                    || created.getAnonymousClassBody().isPresent() || created.getScope().isPresent()
                    || created.getTypeArguments().isPresent()) {
                return false;
            }
            Class<?> t = type(created.getType().getNameWithScope());
            Integer arity = t == null ? null : kind.insertable().get(t);
            return arity != null && created.getArguments().size() == arity;
        }

        private void declaration(VariableDeclarationExpr v, int line) {
            if (!v.getAnnotations().isEmpty()) {
                refuse(line, name + ": annotations are not allowed in rules");
            }
            for (VariableDeclarator d : v.getVariables()) {
                String type = d.getTypeAsString();
                boolean allowed = d.getType().isPrimitiveType() || type.equals("var") || type.equals("String")
                        || type.equals("java.lang.String") || type(type) != null && !type.contains("<");
                if (!allowed) {
                    refuse(line, name + ": a local variable of type " + type + " is not allowed: use String, a number, a"
                            + " boolean, var or a type the rulebook may import" + OPT_OUT);
                }
                String local = d.getNameAsString();
                if (RESERVED_NAMES.contains(local) || bound.containsKey(local)) {
                    refuse(line, name + ": " + local + " cannot be the name of a local variable here: choose another name");
                }
                if (d.getInitializer().isEmpty()) {
                    refuse(line, name + ": the local variable " + local + " needs a value, e.g. String " + local + " = \"...\";");
                } else {
                    new ExpressionCheck(this, line).check(d.getInitializer().get());
                }
                locals.add(local);
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    /** The allowlist on one expression of a condition or a consequence. Returns the type, null when not known. */
    private final class ExpressionCheck {
        private final RuleCheck rule;
        private final int fallbackLine;
        /** Marks a type name used as the scope of a constant. */
        private final class TypeRef {
            final Class<?> type;

            TypeRef(Class<?> type) {
                this.type = type;
            }
        }

        ExpressionCheck(RuleCheck rule, int line) {
            this.rule = rule;
            this.fallbackLine = line;
        }

        private int line(Node n) {
            if (rule.pattern != null) {
                return fallbackLine; // conditions: the line of the operand
            }
            return rule.line(n);
        }

        private void refuseAt(Node n, String message) {
            refuse(line(n), rule.name + ": " + message);
        }

        Class<?> check(Expression e) {
            Object t = value(e);
            if (t instanceof TypeRef ref) {
                refuseAt(e, "the class " + ref.type.getSimpleName() + " cannot be used on its own: use one of its"
                        + " constants, e.g. " + kind.examples().constant());
                return null;
            }
            return (Class<?>) t;
        }

        /** @return the type (Class, null when unknown) or a TypeRef */
        private Object value(Expression e) {
            if (e instanceof StringLiteralExpr) {
                return String.class;
            }
            if (e instanceof IntegerLiteralExpr) {
                return int.class;
            }
            if (e instanceof LongLiteralExpr) {
                return long.class;
            }
            if (e instanceof DoubleLiteralExpr) {
                return double.class;
            }
            if (e instanceof BooleanLiteralExpr) {
                return boolean.class;
            }
            if (e instanceof NullLiteralExpr) {
                return null;
            }
            if (e instanceof EnclosedExpr en) {
                return check(en.getInner());
            }
            if (e instanceof UnaryExpr u) {
                UnaryExpr.Operator op = u.getOperator();
                if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT || op == UnaryExpr.Operator.MINUS
                        || op == UnaryExpr.Operator.PLUS) {
                    Class<?> t = check(u.getExpression());
                    return op == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? boolean.class : t;
                }
                refuseAt(e, "the operator " + op.asString() + " is not allowed: rules do not change values" + OPT_OUT);
                return null;
            }
            if (e instanceof BinaryExpr b) {
                if (!BINARY.contains(b.getOperator())) {
                    refuseAt(e, "the operator " + b.getOperator().asString() + " is not allowed: use + - * / % == != < <= >"
                            + " >= && || !" + OPT_OUT);
                    return null;
                }
                Class<?> l = check(b.getLeft());
                Class<?> r = check(b.getRight());
                return switch (b.getOperator()) {
                    case PLUS -> l == String.class || r == String.class ? String.class : l;
                    case MINUS, MULTIPLY, DIVIDE, REMAINDER -> l;
                    default -> boolean.class;
                };
            }
            if (e instanceof ConditionalExpr c) {
                check(c.getCondition());
                Class<?> t = check(c.getThenExpr());
                check(c.getElseExpr());
                return t;
            }
            if (e instanceof NameExpr n) {
                return name(n);
            }
            if (e instanceof FieldAccessExpr f) {
                return field(f);
            }
            if (e instanceof MethodCallExpr m) {
                return call(m);
            }
            refuseAt(e, construct(e) + OPT_OUT);
            return null;
        }

        private String construct(Expression e) {
            return switch (e.getClass().getSimpleName()) {
                case "ObjectCreationExpr" -> "new " + ((com.github.javaparser.ast.expr.ObjectCreationExpr) e).getTypeAsString()
                        + "(...) is not allowed: rules create no objects; " + SUBSET;
                case "ArrayCreationExpr", "ArrayInitializerExpr" -> "arrays are not allowed in rules";
                case "ArrayAccessExpr" -> "arrays are not allowed in rules";
                case "CastExpr" -> "casts are not allowed in rules";
                case "ClassExpr" -> "class literals (X.class) are not allowed: rules may not use reflection";
                case "InstanceOfExpr" -> "instanceof is not allowed: match the fact type in the pattern";
                case "LambdaExpr", "MethodReferenceExpr" -> "lambdas and method references (x -> ..., X::m) are not allowed";
                case "AssignExpr" -> "assignments are not allowed here: declare a local variable with its value";
                case "ThisExpr", "SuperExpr" -> "this and super are not allowed: name the property, e.g. "
                        + kind.examples().property();
                case "TextBlockLiteralExpr" -> "text blocks (\"\"\") are not allowed: write a text in double quotes";
                case "CharLiteralExpr" -> "single quotes are not allowed: write a text in double quotes";
                case "SwitchExpr" -> "switch is not allowed: use a ? b : c";
                case "TypeExpr" -> "types are not allowed here";
                default -> oneLine(e.toString()) + " is not allowed";
            };
        }

        private Object name(NameExpr n) {
            String id = n.getNameAsString();
            if (rule.locals.contains(id)) {
                return null;
            }
            if (rule.bound.containsKey(id)) {
                return rule.bound.get(id);
            }
            if (rule.pattern != null) {
                Method property = property(rule.pattern, id);
                if (property != null) {
                    return property.getReturnType();
                }
            }
            Class<?> t = type(id);
            if (t != null) {
                return new TypeRef(t);
            }
            if (id.equals("drools") || id.equals("kcontext")) {
                refuseAt(n, id + " (the engine itself) is not available to rules: " + SUBSET + OPT_OUT);
            } else if (id.equals(CompiledRulebook.OUTCOME)) {
                refuseAt(n, "outcome may only be called, e.g. " + kind.examples().call());
            } else if (Character.isUpperCase(id.charAt(0))) {
                refuseAt(n, "the class " + id + " is not allowed: rules may use the engine's facts and vocabularies, java.time"
                        + " and java.math" + OPT_OUT);
            } else if (rule.pattern != null) {
                refuseAt(n, noSuchField(rule.pattern, id));
            } else {
                refuseAt(n, "unknown name " + id + ": use a property of " + (rule.pattern == null ? "a bound fact"
                        : rule.pattern.getSimpleName()) + ", a variable bound in the conditions ($x : ...) or a local"
                        + " variable");
            }
            return null;
        }

        /** {@code a.b}: a constant of an allowed type, a qualified allowed type, or a property of a fact. */
        private Object field(FieldAccessExpr f) {
            String dotted = dotted(f);
            if (dotted != null) {
                Class<?> qualified = type(dotted);
                if (qualified != null && dotted.contains(".")) {
                    return new TypeRef(qualified);
                }
                if (unknownRoot(f)) {
                    if (!qualifiedPrefix(dotted) && rule.pattern != null && !root(f).contains("$")
                            && closest(root(f), propertyNames(rule.pattern)) != null) {
                        refuseAt(f, noSuchField(rule.pattern, root(f)));
                        return null;
                    }
                    if (!qualifiedPrefix(dotted)) {
                        refuseAt(f, (isPackageLike(root(f)) ? "the class " + dotted : oneLine(f.toString()))
                                + " is not allowed: rules may use the engine's facts and vocabularies, java.time and"
                                + " java.math, the properties of facts and bound variables" + OPT_OUT);
                        return null;
                    }
                }
            }
            Object scope = value(f.getScope());
            String member = f.getNameAsString();
            if (scope instanceof TypeRef ref) {
                Class<?> constant = constant(ref.type, member);
                if (constant == null) {
                    refuseAt(f, kind.vocabulary().contains(ref.type) ? noSuchValue(ref.type, member)
                            : ref.type.getSimpleName() + "." + member + " is not a constant rules may use");
                }
                return constant;
            }
            Class<?> t = (Class<?>) scope;
            if (t != null && navigable(t)) {
                Method property = property(t, member);
                if (property != null && rule.pattern != null) {
                    return property.getReturnType();
                }
                if (property != null) {
                    refuseAt(f, "write " + oneLine(f.getScope().toString()) + "." + property.getName() + "() in a then part");
                    return null;
                }
                refuseAt(f, noSuchField(t, member));
                return null;
            }
            if (dotted != null && isPackageLike(root(f))) {
                refuseAt(f, "the class " + dotted + " is not allowed: rules may use the engine's facts and vocabularies,"
                        + " java.time and java.math" + OPT_OUT);
            } else {
                refuseAt(f, oneLine(f.toString()) + " is not a property rules may read");
            }
            return null;
        }

        /** Whether a chain of names starts with a name that is no variable, property or allowed type. */
        private boolean unknownRoot(Expression e) {
            if (dotted(e) == null) {
                return false;
            }
            String r = root(e);
            return !rule.locals.contains(r) && !rule.bound.containsKey(r) && type(r) == null
                    && !(rule.pattern != null && property(rule.pattern, r) != null);
        }

        /** Whether some prefix of {@code a.b.c} is an allowed qualified type (checked further by the caller). */
        private boolean qualifiedPrefix(String dotted) {
            for (int i = dotted.indexOf('.'); i > 0; i = dotted.indexOf('.', i + 1)) {
                if (type(dotted.substring(0, i)) != null && dotted.substring(0, i).contains(".")) {
                    return true;
                }
            }
            return false;
        }

        private Object call(MethodCallExpr m) {
            String method = m.getNameAsString();
            int arity = m.getArguments().size();
            if (m.getTypeArguments().isPresent()) {
                refuseAt(m, "type arguments are not allowed in rules");
                return null;
            }
            if (m.getScope().isEmpty() && rule.pattern != null) {
                // a method of the pattern's fact itself, as MVEL reads it: Debtor( daysOverdue() > 30, has( ... ) )
                Method own = arity == 0 ? accessor(rule.pattern, method) : null;
                if (own != null) {
                    return own.getReturnType();
                }
                if (isFactQuery(rule.pattern, method, arity)) {
                    m.getArguments().forEach(this::check);
                    return boolean.class;
                }
            }
            if (m.getScope().isEmpty() && rule.pattern != null && arity == 0 && !ENGINE_CALLS.containsKey(method)) {
                refuseAt(m, noSuchField(rule.pattern, method));
                return null;
            }
            if (m.getScope().isEmpty()) {
                String instead = ENGINE_CALLS.get(method) == null ? null
                        : ENGINE_CALLS.get(method).replace("%s", kind.writes());
                refuseAt(m, method + "(...) is not allowed: " + (instead != null ? instead
                        : "rules may not call functions; " + SUBSET) + OPT_OUT);
                return null;
            }
            Expression scopeExpr = m.getScope().get();
            if (scopeExpr instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))
                    && !rule.bound.containsKey(n.getNameAsString()) && !rule.locals.contains(n.getNameAsString())) {
                refuseAt(m, "static calls such as " + n.getNameAsString() + "." + method + "(...) are not allowed: "
                        + SUBSET + OPT_OUT);
                return null;
            }
            if (scopeExpr instanceof NameExpr n && n.getNameAsString().equals(CompiledRulebook.OUTCOME)
                    && !rule.locals.contains(CompiledRulebook.OUTCOME) && !rule.bound.containsKey(CompiledRulebook.OUTCOME)) {
                if (rule.pattern != null) {
                    refuseAt(m, "outcome is written in the then part, not read in conditions");
                    return null;
                }
                outcomeCall(m);
                return null;
            }
            int before = problems.size();
            Object scope = value(scopeExpr);
            if (problems.size() > before) {
                return null; // what it is called on is refused already
            }
            if (scope instanceof TypeRef ref) {
                refuseAt(m, "static calls such as " + ref.type.getSimpleName() + "." + method + "(...) are not allowed: "
                        + SUBSET + OPT_OUT);
                return null;
            }
            Class<?> t = (Class<?>) scope;
            if (arity == 0 && t != null && navigable(t)) {
                Method accessor = accessor(t, method);
                if (accessor != null) {
                    return accessor.getReturnType();
                }
            }
            if (scope == null && unknownRoot(scopeExpr)) {
                return null; // refused already: a class outside the allowlist
            }
            if (t != null && isFactQuery(t, method, arity)) {
                m.getArguments().forEach(this::check);
                return boolean.class;
            }
            if (arity == 0 && t != null && navigable(t) && !SAFE_METHODS.containsKey(method + "/0")) {
                refuseAt(m, noSuchField(t, method));
                return null;
            }
            if (arity == 0 && t == null && !navigable(rule.bound.getOrDefault(root(scopeExpr), Object.class))
                    && accessorNames().contains(method)) {
                return null; // a fact's accessor on a variable whose type the sandbox does not track
            }
            if (!SAFE_METHODS.containsKey(method + "/" + arity)) {
                String safe = SAFE_METHODS.keySet().stream().map(k -> k.substring(0, k.indexOf('/')) + "()")
                        .distinct().collect(java.util.stream.Collectors.joining(", "));
                refuseAt(m, "the method " + method + "(...) is not allowed: rules may call " + safe
                        + " and read the properties of facts" + OPT_OUT);
                return null;
            }
            m.getArguments().forEach(this::check);
            return SAFE_METHODS.get(method + "/" + arity);
        }

        void outcomeCall(MethodCallExpr m) {
            String method = m.getNameAsString();
            boolean exists = false;
            for (Method om : kind.outcome().getMethods()) {
                if (om.getName().equals(method) && om.getParameterCount() == m.getArguments().size()) {
                    exists = true;
                }
            }
            if (!exists) {
                refuseAt(m, "outcome." + method + " with " + m.getArguments().size() + " arguments does not exist: outcome"
                        + " has " + kind.signatures());
                return;
            }
            if (kind.outcome() == Outcome.class && (method.equals("step") || method.equals("delay")
                    || method.equals("withdraw")) && m.getArgument(0) instanceof StringLiteralExpr s) {
                stepName(m, s.asString());
            }
            m.getArguments().forEach(this::check);
        }

        /** A step named in the rule: a near-copy of a built-in step, or one of the rulebook's own not declared. */
        void stepName(Node at, String step) {
            String typo = misspeltStep(step);
            if (typo != null) {
                refuseAt(at, typo);
            } else if (STEP_NAME.matcher(step).matches() && !BUILT_IN_STEPS.contains(step)
                    && !declaredSteps.contains(step)) { // a malformed name fails when assessed, naming the rule
                refuseAt(at, undeclaredStep(step));
            }
        }

        private Class<?> constant(Class<?> type, String member) {
            if (!kind.vocabulary().contains(type) && !type.getPackageName().equals("java.time")
                    && !type.getPackageName().equals("java.math")) {
                return null;
            }
            try {
                java.lang.reflect.Field field = type.getField(member);
                int mod = field.getModifiers();
                if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && Modifier.isPublic(mod)
                        && (field.getType() == type || field.getType() == String.class || field.getType().isPrimitive()
                        || field.getType().isEnum() && field.getType() == type)) {
                    return field.getType();
                }
            } catch (NoSuchFieldException e) {
                return null;
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private boolean navigable(Class<?> t) {
        return kind.facts().contains(t) || kind.values().contains(t);
    }

    /**
     * The method behind property {@code name} of a fact or value type: its record component, or a boolean
     * {@code isName()} the class itself declares. Nothing inherited from {@code Object} ({@code getClass}).
     */
    Method property(Class<?> type, String name) {
        if (!navigable(type)) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getAccessor();
                }
            }
        }
        String is = "is" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && (m.getName().equals(is) && m.getReturnType() == boolean.class
                    || type == Jurisdiction.class && m.getName().equals(name) && m.getName().equals("code"))) {
                return m;
            }
        }
        return null;
    }

    /** The accessor {@code method()} of a fact or value type: a record component or a boolean {@code isX()}. */
    Method accessor(Class<?> type, String method) {
        if (!navigable(type)) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(method)) {
                    return c.getAccessor();
                }
            }
        }
        if (method.startsWith("is") && method.length() > 2) {
            Method m = property(type, Character.toLowerCase(method.charAt(2)) + method.substring(3));
            return m != null && m.getName().equals(method) ? m : null;
        }
        Method m = property(type, method);
        return m != null && m.getName().equals(method) ? m : null;
    }

    /** The names of the properties of a fact or value type, as conditions write them ({@code daysOverdue}). */
    List<String> propertyNames(Class<?> type) {
        Set<String> names = new java.util.TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && m.getName().startsWith("is") && m.getName().length() > 2 && m.getReturnType() == boolean.class) {
                names.add(Character.toLowerCase(m.getName().charAt(2)) + m.getName().substring(3));
            }
        }
        return List.copyOf(names);
    }

    /**
     * The plain-language refusal of a property a fact does not have: {@code Debtor has no field 'dayOverdue'; did
     * you mean 'daysOverdue'?}, with the fields it has when nothing is close.
     */
    String noSuchField(Class<?> type, String name) {
        List<String> names = propertyNames(type);
        String close = closest(name, names);
        return type.getSimpleName() + " has no field '" + name + "'" + (close != null ? "; did you mean '" + close + "'?"
                : "; its fields are " + String.join(", ", names));
    }

    /** The plain-language refusal of a value a vocabulary does not have, with every allowed value. */
    static String noSuchValue(Class<?> type, String member) {
        List<String> names = new ArrayList<>();
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
        } else {
            for (java.lang.reflect.Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        String close = closest(member, names);
        return type.getSimpleName() + " has no value " + member + (close != null ? "; did you mean " + type.getSimpleName()
                + "." + close + "?" : "") + " Allowed values: " + String.join(", ", names);
    }

    /** The built-in escalation steps ({@link Steps}). */
    private static final List<String> BUILT_IN_STEPS = java.util.Arrays.stream(Steps.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).map(f -> {
                try {
                    return (String) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();

    private static final Pattern STEP_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** @return whether the step is one of {@link Steps} */
    static boolean isBuiltInStep(String step) {
        return BUILT_IN_STEPS.contains(step);
    }

    /** The refusal of a step of the rulebook's own that {@code rulebook.yaml} does not declare. */
    static String undeclaredStep(String step) {
        return "step " + SafeText.excerpt(step) + " is not declared: add it to rulebook.yaml under steps: with the"
                + " channel it reaches the debtor by (" + DeclaredSteps.allowed() + "), e.g. \"steps: {"
                + SafeText.excerpt(step) + ": SMS}\"; an undeclared step would escape the contact limits. Built-in"
                + " steps: " + String.join(", ", BUILT_IN_STEPS);
    }

    /**
     * A step name one or two letters away from a built-in step is a typo ({@code REMINDR}): the engine would pass it
     * on as a step of the rulebook's own, outside the contact rules of the built-in one. A name of the rulebook's
     * own that is not near a built-in one is allowed. {@code null} when the name is fine.
     */
    static String misspeltStep(String step) {
        if (BUILT_IN_STEPS.contains(step)) {
            return null;
        }
        for (String known : BUILT_IN_STEPS) {
            if (distance(step.toUpperCase(Locale.ROOT), known) <= 2) {
                return "unknown step " + step + "; did you mean " + known + "? Built-in steps: "
                        + String.join(", ", BUILT_IN_STEPS) + " (a step of the rulebook's own needs a name that is not"
                        + " a near-copy of a built-in one)";
            }
        }
        return null;
    }

    /** The candidate nearest to {@code word} in spelling (ignoring case), or {@code null} if none is near. */
    static String closest(String word, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Yes/no questions a fact answers about a value: {@code Debtor.showed(Behaviour)}, {@code Debtor.has(Circumstance)}. */
    private boolean isFactQuery(Class<?> type, String method, int arity) {
        return arity == 1 && kind.questions().getOrDefault(type, Set.of()).contains(method);
    }

    /** The names of every property accessor of the facts and values, for variables of unknown type. */
    private Set<String> accessorNames() {
        if (accessorNames == null) {
            Set<String> names = new LinkedHashSet<>();
            List<Class<?>> types = new ArrayList<>(kind.facts());
            types.addAll(kind.values());
            for (Class<?> c : types) {
                if (c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        names.add(rc.getName());
                    }
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getName().startsWith("is")
                            && m.getReturnType() == boolean.class) {
                        names.add(m.getName());
                    }
                }
            }
            names.add("code");
            accessorNames = names;
        }
        return accessorNames;
    }

    private String factNames() {
        return kind.facts().stream().map(Class::getSimpleName).toList().toString();
    }

    /** The first three vocabularies, e.g. {@code Behaviour, StatedReason, Circumstance, ...}. */
    private String vocabularyNames() {
        List<String> names = kind.vocabulary().stream().map(Class::getSimpleName).toList();
        return String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", ..." : "");
    }

    /** The first fact, the first vocabulary and the last fact, qualified. */
    private String importExamples() {
        Set<String> names = new LinkedHashSet<>();
        names.add(kind.facts().get(0).getName());
        if (!kind.vocabulary().isEmpty()) {
            names.add(kind.vocabulary().get(0).getName());
        }
        names.add(kind.facts().get(kind.facts().size() - 1).getName());
        return String.join(", ", names);
    }

    private Expression parseExpression(String text) {
        ParseResult<Expression> r = javaParser.parse(ParseStart.EXPRESSION, Providers.provider(text));
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            String why = r.getProblems().isEmpty() ? "not an expression" : r.getProblems().get(0).getMessage();
            throw new IllegalArgumentException(oneLine(why).replaceAll("Problem stacktrace.*", "").trim());
        }
        return r.getResult().get();
    }

    /** {@code a.b.c} as text when the chain is only names, else null. */
    private static String dotted(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = dotted(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    private static String root(Expression e) {
        while (e instanceof FieldAccessExpr f) {
            e = f.getScope();
        }
        return e instanceof NameExpr n ? n.getNameAsString() : "";
    }

    private static boolean isPackageLike(String root) {
        return !root.isEmpty() && Character.isLowerCase(root.charAt(0));
    }

    private static boolean isIdentifier(String s) {
        return s != null && s.matches("[$A-Za-z_][$A-Za-z0-9_]*");
    }

    private int lineOf(String keyword) {
        Matcher m = Pattern.compile("(?m)^\\s*" + keyword + "\\b").matcher(source);
        return m.find() ? lineAt(source, m.start()) : 1;
    }

    /** The offset of {@code text} at or after line {@code line}, column {@code column} (both from Drools). */
    private int offsetOf(int line, int column, String text) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = source.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return source.length();
            }
        }
        if (text.isEmpty()) {
            return offset;
        }
        int found = source.indexOf(text, offset);
        return found < 0 ? Math.min(offset + column, source.length()) : found;
    }

    static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    // ------------------------------------------------------------------ regular expressions

    /** The longest pattern {@code matches} accepts. */
    static final int MAX_REGEX_LENGTH = 200;

    /**
     * Why a pattern of {@code matches} could take more than linear time, or null when it cannot. Java's engine
     * backtracks: {@code (.*a){12}} takes seconds on a short name. Accepted are patterns whose repeated parts are
     * single characters or classes ({@code a*}, {@code [A-Z]{2,3}}, {@code \\d+}, {@code .*}), with at most one
     * unbounded repetition ({@code *}, {@code +}, {@code {n,}}), bounded repetitions of at most 20 choices together, at most 10
     * alternatives ({@code |}), and no back-references, look-arounds or repeated groups. Such a pattern backtracks
     * over at most one unbounded part, so a match takes time linear in the length of the text.
     */
    static String regexProblem(String regex) {
        if (regex.length() > MAX_REGEX_LENGTH) {
            return "its pattern is longer than " + MAX_REGEX_LENGTH + " characters";
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "its pattern is not valid (" + oneLine(e.getDescription()) + ")";
        }
        int unbounded = 0;
        long bounded = 1;
        int alternatives = 0;
        char last = 0; // 'c' a character or class, 'g' a group, 0 nothing to repeat
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    char next = i + 1 < n ? regex.charAt(i + 1) : 0;
                    if (next >= '1' && next <= '9' || next == 'k') {
                        return "back-references (\\" + next + ") are not allowed in patterns";
                    }
                    if (next == 'Q') {
                        int end = regex.indexOf("\\E", i + 2);
                        i = end < 0 ? n : end + 1;
                    } else if ((next == 'p' || next == 'P') && i + 2 < n && regex.charAt(i + 2) == '{') {
                        int end = regex.indexOf('}', i + 2);
                        i = end < 0 ? n : end;
                    } else if (next == 'x' && i + 2 < n && regex.charAt(i + 2) == '{') {
                        int end = regex.indexOf('}', i + 2);
                        i = end < 0 ? n : end;
                    } else {
                        i++;
                    }
                    last = 'c';
                }
                case '[' -> {
                    int depth = 0;
                    int j = i;
                    for (; j < n; j++) {
                        char d = regex.charAt(j);
                        if (d == '\\') {
                            j++;
                        } else if (d == '[') {
                            depth++;
                        } else if (d == ']' && j > i + 1 && !(j == i + 2 && regex.charAt(i + 1) == '^')) {
                            depth--;
                            if (depth == 0) {
                                break;
                            }
                        }
                    }
                    i = j;
                    last = 'c';
                }
                case '(' -> {
                    if (i + 1 < n && regex.charAt(i + 1) == '?') {
                        char kind = i + 2 < n ? regex.charAt(i + 2) : 0;
                        if (kind == '=' || kind == '!' || kind == '>'
                                || kind == '<' && i + 3 < n && (regex.charAt(i + 3) == '=' || regex.charAt(i + 3) == '!')) {
                            return "look-arounds and atomic groups ((?=, (?!, (?<=, (?>) are not allowed in patterns";
                        }
                    }
                    last = 0;
                }
                case ')' -> last = 'g';
                case '|' -> {
                    alternatives++;
                    last = 0;
                }
                case '*', '+', '?' -> {
                    if (last == 'g') {
                        return "a repeated group such as (...)" + c + " can take exponential time: repeat single characters"
                                + " or classes only";
                    }
                    if (last == 0) {
                        continue; // a lazy or possessive mark, or an inline flag
                    }
                    if (c == '?') {
                        bounded *= 2;
                    } else {
                        unbounded++;
                    }
                    last = 0;
                }
                case '{' -> {
                    int end = regex.indexOf('}', i);
                    if (end < 0 || last == 0) {
                        last = 'c';
                        continue;
                    }
                    String[] range = regex.substring(i + 1, end).split(",", -1);
                    if (last == 'g') {
                        return "a repeated group such as (...){" + regex.substring(i + 1, end) + "} can take exponential"
                                + " time: repeat single characters or classes only";
                    }
                    try {
                        long min = Long.parseLong(range[0].trim());
                        if (range.length == 1) {
                            if (min > 1000) {
                                return "a repetition over 1000 is not allowed";
                            }
                        } else if (range[1].isBlank()) {
                            unbounded++;
                        } else {
                            long max = Long.parseLong(range[1].trim());
                            if (max > 1000) {
                                return "a repetition over 1000 is not allowed";
                            }
                            bounded *= (max - min + 1);
                        }
                    } catch (NumberFormatException e) {
                        return "its pattern is not valid";
                    }
                    i = end;
                    last = 0;
                }
                default -> last = 'c';
            }
            if (bounded > 20) {
                return "its bounded repetitions ({n,m}, ?) allow more than 20 combinations";
            }
        }
        if (unbounded > 1) {
            return "more than one unbounded repetition (*, +, {n,}) can take polynomial or exponential time";
        }
        if (alternatives > 10) {
            return "more than 10 alternatives (|) are not allowed in patterns";
        }
        return null;
    }
}
