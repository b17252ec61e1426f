package io.collectionstrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The source of a rulebook: its {@code .drl} files, script catalogues ({@code scripts/<locale>.yaml}), scenario
 * tables ({@code scenarios/*.csv}) and settings ({@code rulebook.yaml}), each by its path relative to the rulebook
 * root. Immutable and serialisable, so it can be shipped to other machines and compiled there.
 *
 * <p>Three ways to get one: {@link #defaults()} (the default rulebook on the classpath; {@link #defaultIncentives()}
 * for the default incentive policy), {@link #fromDirectory(Path)} (an analyst's working copy) and
 * {@link #of(String, Map)} (explicit texts). Its {@code rulebook.yaml} may say which {@link #kind()} of rulebook it
 * is; an incentive policy keeps its statement texts in {@code texts/<locale>.yaml} instead of scripts.
 */
public final class Rulebook implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the default rulebook lies on the classpath (in the {@code collection-strategy-rules} jar). */
    public static final String DEFAULT_CLASSPATH_ROOT = "META-INF/collection-strategy/rulebook";

    /** Where the default incentive policy lies on the classpath (in the {@code collection-strategy-rules} jar). */
    public static final String DEFAULT_INCENTIVES_CLASSPATH_ROOT = "META-INF/collection-strategy/incentives";

    private static final List<String> EXTENSIONS = List.of(".drl", ".yaml", ".yml", ".csv");
    private static final Pattern NAME = Pattern.compile("(?m)^name:\\s*[\"']?([^\"'#\\r\\n]+?)[\"']?\\s*(#.*)?$");
    private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*[\"']?([^\"'#\\r\\n]+?)[\"']?\\s*(#.*)?$");

    private final String name;
    private final String kind;
    private final TreeMap<String, String> files;
    private final String version;
    private final String origin;

    private Rulebook(String name, Map<String, String> files, String origin) {
        this.files = new TreeMap<>(files);
        String declared = declared(NAME, this.files.get("rulebook.yaml"));
        this.name = declared != null ? declared : name;
        String declaredKind = declared(KIND, this.files.get("rulebook.yaml"));
        this.kind = declaredKind != null ? declaredKind : RulebookKind.DEFAULT_NAME;
        this.version = hash(this.files);
        this.origin = origin;
    }

    /** A copy with some rule files replaced (their parameters written in): same name, kind, version and origin. */
    private Rulebook(Rulebook original, Map<String, String> replaced) {
        this.files = new TreeMap<>(original.files);
        this.files.putAll(replaced);
        this.name = original.name;
        this.kind = original.kind;
        this.version = original.version;
        this.origin = original.origin;
    }

    /** @return this rulebook with the given files' texts replaced; its version stays that of the files as written */
    Rulebook withRules(Map<String, String> replaced) {
        return replaced.isEmpty() ? this : new Rulebook(this, replaced);
    }

    /**
     * A rulebook from explicit texts.
     *
     * @param name  the name used when no {@code rulebook.yaml} declares one
     * @param files path (relative, with {@code /}) to content
     * @return the rulebook
     * @throws IllegalArgumentException when there is no {@code .drl} file or a path is absolute
     */
    public static Rulebook of(String name, Map<String, String> files) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(files, "files");
        for (String path : files.keySet()) {
            if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("rulebook file paths must be relative with '/', was \"" + path + "\"");
            }
            Objects.requireNonNull(files.get(path), () -> "content of rulebook file " + path);
        }
        if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            throw new IllegalArgumentException("a rulebook needs at least one .drl file, got " + files.keySet());
        }
        return new Rulebook(name, files, "explicit files");
    }

    /**
     * The default rulebook shipped in the {@code collection-strategy-rules} jar.
     *
     * @return the rulebook
     * @throws IllegalStateException when that jar is not on the classpath
     */
    public static Rulebook defaults() {
        return fromClasspath(DEFAULT_CLASSPATH_ROOT, Rulebook.class.getClassLoader());
    }

    /**
     * The default incentive policy shipped in the {@code collection-strategy-rules} jar: the receivables reward and
     * penalty rules of {@code io.collectionstrategy.incentives} (kind {@code incentives}).
     *
     * @return the rulebook
     * @throws IllegalStateException when that jar is not on the classpath
     */
    public static Rulebook defaultIncentives() {
        return fromClasspath(DEFAULT_INCENTIVES_CLASSPATH_ROOT, Rulebook.class.getClassLoader());
    }

    /**
     * A rulebook from a folder on the classpath (inside a jar or a directory).
     *
     * @param root        the folder, e.g. {@code META-INF/collection-strategy/rulebook}
     * @param classLoader where to look
     * @return the rulebook
     * @throws IllegalStateException when the folder is not found or holds no {@code .drl} file
     */
    public static Rulebook fromClasspath(String root, ClassLoader classLoader) {
        String dir = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        URL url = classLoader.getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no rulebook at classpath:" + dir
                    + "; for the default rulebook add the dependency io.collectionstrategy:collection-strategy-rules");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                Rulebook fromDir = fromDirectory(Paths.get(url.toURI()));
                return new Rulebook("default", fromDir.files, "classpath:" + dir);
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                Map<String, String> files = new TreeMap<>();
                try (JarFile jarFile = jar.getJarFile()) {
                    Enumeration<JarEntry> entries = jarFile.entries();
                    String prefix = dir + "/";
                    for (JarEntry entry : Collections.list(entries)) {
                        String path = entry.getName();
                        if (!entry.isDirectory() && path.startsWith(prefix) && accepted(path)) {
                            try (InputStream in = jarFile.getInputStream(entry)) {
                                files.put(path.substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
                if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
                    throw new IllegalStateException("no .drl file in the rulebook at classpath:" + dir);
                }
                return new Rulebook("default", files, "classpath:" + dir);
            }
            throw new IllegalStateException("cannot list the rulebook at " + url + ": unsupported URL protocol "
                    + url.getProtocol());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rulebook at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the rulebook at " + url, e);
        }
    }

    /**
     * An analyst's working copy: every {@code .drl}, {@code .yaml} and {@code .csv} file below the directory.
     * Hidden files and editor backups are skipped.
     *
     * @param directory the rulebook directory
     * @return the rulebook, named after the directory unless {@code rulebook.yaml} gives a name
     * @throws UncheckedIOException when the directory cannot be read
     * @throws IllegalArgumentException when it is not a directory or holds no {@code .drl} file
     */
    public static Rulebook fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rulebook directory does not exist or is not a directory: " + directory);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = directory.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && accepted(rel)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rulebook directory " + directory, e);
        }
        if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            throw new IllegalArgumentException("rulebook directory " + directory + " holds no .drl file");
        }
        Path fileName = directory.toAbsolutePath().normalize().getFileName();
        return new Rulebook(fileName == null ? "rulebook" : fileName.toString(), files, directory.toString());
    }

    private static boolean accepted(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".") || part.endsWith("~") || part.startsWith("#")) {
                return false;
            }
        }
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** @return the rulebook's name */
    public String name() {
        return name;
    }

    /**
     * @return what kind of rulebook this is, as {@code kind:} in {@code rulebook.yaml} says: {@code collection} (the
     *     default, for {@link CollectionStrategy}) or {@code incentives} (for {@code io.collectionstrategy.incentives})
     */
    public String kind() {
        return kind;
    }

    /**
     * @return where the rulebook was read from: a directory, {@code classpath:...} or {@code explicit files}; not part
     * of the version
     */
    public String origin() {
        return origin;
    }

    /** @return a content hash of every file: equal versions mean equal rulebooks */
    public String version() {
        return version;
    }

    /** @return the name and version */
    public RulebookInfo info() {
        return new RulebookInfo(name, version);
    }

    /** @return every file by its relative path, sorted by path */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    /**
     * @param extension e.g. {@code ".drl"}
     * @return the paths of the files with this ending, sorted
     */
    public List<String> paths(String extension) {
        List<String> out = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.toLowerCase(Locale.ROOT).endsWith(extension)) {
                out.add(path);
            }
        }
        return out;
    }

    /**
     * The patterns of the text lint in force for this rulebook: the built-in ones plus its own
     * {@code lint/script-lint.yaml} (entries that file gets wrong are left out; building the rulebook reports them).
     * Every text for collectors (script parts, translated reasons, the rules' texts) is checked against them when the
     * rulebook is built, and a match refuses the rulebook. Word sets that patterns use as {@code @name} are listed as
     * the kind {@code words.<name>}.
     *
     * @return locale to kind (e.g. {@code impersonation}) to patterns, as written
     */
    public Map<String, Map<String, List<String>>> textLint() {
        return ScriptLint.of(this, new java.util.ArrayList<>()).lists();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rulebook r && r.name.equals(name) && r.files.equals(files);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }

    @Override
    public String toString() {
        return "Rulebook[" + name + " " + version + ", " + files.size() + " files from " + origin + "]";
    }

    private static String declared(Pattern key, String settings) {
        if (settings == null) {
            return null;
        }
        Matcher m = key.matcher(settings);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
