package io.gradsweep.driver.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A folder analyze writes its report into, marked as such by {@link #MARKER}, so that a report is
 * written over only where a report was (never over a folder of someone else's files), and a
 * --replace of the study deletes only the files a report holds.
 */
public final class ReportFolder {
    /** An empty file that marks a folder as holding a gradsweep report. */
    public static final String MARKER = ".gradsweep-report";
    /** The default report folder inside a study's output folder. */
    public static final String DEFAULT_NAME = "report";
    public static final String TABLES = "tables";
    /** What a report writes: the page, the summary, plots (SVG, PNG) and tables (CSV). */
    private static final Pattern REPORT_FILE = Pattern.compile("[A-Za-z0-9._-]+\\.(html|md|svg|png|csv)");

    /** The folder holds files and is not a report folder. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private ReportFolder() {
    }

    /**
     * Makes {@code dir} ready for a report: creates it, or takes it when it is empty or already a
     * report folder; refuses any other folder, naming what it holds.
     */
    public static void prepare(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(dir + " is not a folder: choose a new or empty folder for the report");
            }
            if (!Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                List<String> names = names(dir);
                if (!names.isEmpty() && !isUnmarkedReport(dir, names)) {
                    throw new Refused(dir + " is not empty and holds no gradsweep report (no " + MARKER + "; it holds "
                            + String.join(", ", names.subList(0, Math.min(5, names.size())))
                            + (names.size() > 5 ? ", ..." : "") + "): choose a new or empty folder for the report");
                }
            }
        }
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(dir.resolve(MARKER));
        }
    }

    /**
     * A report written before the marker existed: report.html and summary.md, and nothing but
     * the files a report writes beside them.
     */
    private static boolean isUnmarkedReport(Path dir, List<String> names) throws IOException {
        if (!names.contains("report.html") || !names.contains("summary.md")) {
            return false;
        }
        for (String name : names) {
            Path f = dir.resolve(name);
            boolean reportFile = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && REPORT_FILE.matcher(name).matches();
            boolean tables = name.equals(TABLES) && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS);
            if (!reportFile && !tables) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code dir} is a report folder gradsweep wrote: a real folder, not a link, with the
     * marker, or a report written before the marker existed.
     */
    public static boolean isReportFolder(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && (Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) || isUnmarkedReport(dir, names(dir)));
    }

    /**
     * Deletes a report folder's report files (never through a link), then the folder if nothing
     * else is left in it. Returns what stayed.
     */
    public static List<Path> delete(Path dir) throws IOException {
        List<Path> kept = new ArrayList<>();
        if (!isReportFolder(dir)) {
            kept.add(dir);
            return kept;
        }
        deleteReportFiles(dir.resolve(TABLES), kept);
        deleteReportFiles(dir, kept);
        Files.deleteIfExists(dir.resolve(MARKER));
        kept.remove(dir.resolve(MARKER));
        if (names(dir).isEmpty()) {
            Files.delete(dir);
        }
        return kept;
    }

    private static void deleteReportFiles(Path dir, List<Path> kept) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && REPORT_FILE.matcher(f.getFileName().toString()).matches()) {
                    Files.delete(f);
                } else if (!(f.getFileName().toString().equals(TABLES) && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                        && !f.getFileName().toString().equals(MARKER)) {
                    kept.add(f);
                }
            }
        }
        if (dir.getFileName().toString().equals(TABLES) && names(dir).isEmpty()) {
            Files.delete(dir);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                names.add(f.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }
}
