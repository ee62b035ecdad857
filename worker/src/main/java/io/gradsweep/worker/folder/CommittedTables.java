package io.gradsweep.worker.folder;

import io.gradsweep.worker.table.PartFileFooter;
import io.gradsweep.worker.table.PartFiles;
import io.gradsweep.worker.table.TracesTable;
import io.gradsweep.worker.table.TrialsTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The one reader of a study folder's committed files, for status, resume and analyze alike. Every
 * visible file of both tables has its footer read and checked before a row of it counts: a part
 * file's name, our key-value metadata (table, study, task, row count) and the footer's own row
 * count. A task's trials count only with its traces file whole beside them, and a trial only once:
 * a file whose grid indexes another file holds already (a copy) is not counted. Everything not
 * counted is named in {@link #problems}, with what to do about it. Nothing here follows a link.
 * A file that vanishes between the listing and its reading (status reads while a run renames and
 * deletes) is simply not there: not counted, and not named as a problem.
 */
public final class CommittedTables {
    /** Why a file is not counted. */
    public enum Kind {
        EMPTY("empty (0 bytes): a crash before its data reached the disk"),
        TRUNCATED("not a whole Parquet file (its footer does not read)"),
        ROW_COUNT("its footer's row count differs from the count the task wrote"),
        FOREIGN("not a part file gradsweep wrote"),
        OTHER_STUDY("written by another study"),
        COPY("a copy of another part file (its name is not the task's that wrote it)"),
        DUPLICATE("holds trials another file holds already"),
        NO_TRACES("its task's traces file is missing or damaged"),
        LINK("a symbolic link (never followed)");

        final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }
    }

    /** A file not counted, why, and what to do. */
    public record Problem(String table, String relative, Path file, Kind kind, String detail, boolean repairable) {
        /** One line for the user: the file, what is wrong, the remedy. */
        public String describe() {
            return file + ": " + kind.meaning + (detail.isEmpty() ? "" : " (" + detail + ")") + "; not counted. "
                    + remedy();
        }

        public String remedy() {
            return repairable ? "The next run of the study deletes it and trains its trials again."
                    : kind == Kind.LINK ? "Remove the link; gradsweep never reads or deletes through it."
                    : "Move it out of the table (gradsweep never deletes what it cannot prove its own).";
        }
    }

    /** A counted trials file and its traces file. */
    public record Task(Path trials, Path traces, long[] gridIndexes) {
    }

    private final List<Task> tasks;
    private final List<Problem> problems;
    private final List<FolderTree.Entry> uncommitted;
    private final Map<String, Long> countsByStatus;

    private CommittedTables(List<Task> tasks, List<Problem> problems, List<FolderTree.Entry> uncommitted,
                            Map<String, Long> countsByStatus) {
        this.tasks = List.copyOf(tasks);
        this.problems = List.copyOf(problems);
        this.uncommitted = List.copyOf(uncommitted);
        this.countsByStatus = Map.copyOf(countsByStatus);
    }

    /** The counted tasks: whole, ours, once. */
    public List<Task> tasks() {
        return tasks;
    }

    /** Files not counted, with their reasons. */
    public List<Problem> problems() {
        return problems;
    }

    /** What an interrupted task left: staged files and their checksums, traces of tasks whose trials were never committed. */
    public List<FolderTree.Entry> uncommitted() {
        return uncommitted;
    }

    /** Status -> trials counted, sorted by status. */
    public Map<String, Long> countsByStatus() {
        return new TreeMap<>(countsByStatus);
    }

    /** Every counted grid index. */
    public long[] gridIndexes() {
        long[] all = new long[tasks.stream().mapToInt(t -> t.gridIndexes().length).sum()];
        int i = 0;
        for (Task t : tasks) {
            System.arraycopy(t.gridIndexes(), 0, all, i, t.gridIndexes().length);
            i += t.gridIndexes().length;
        }
        return all;
    }

    /** The counted files of a table, as paths for a reader (Spark, DuckDB). */
    public List<Path> files(String table) {
        return tasks.stream().map(t -> table.equals(TrialsTable.NAME) ? t.trials() : t.traces()).toList();
    }

    /**
     * Deletes what a run can prove its own and not whole: the part files of {@link Problem#repairable}
     * problems with their other table's file of the same task (so that its trials, trained again,
     * are never twice in either table), and the {@link #uncommitted} files. Only regular files with
     * our names are deleted, never through a link. Returns what was deleted; read again afterwards.
     */
    public List<Path> repair(FileSystem fs, Path root) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Problem p : problems) {
            if (p.repairable()) {
                for (String table : FolderLayout.TABLES) {
                    deletePartFile(fs, root, table, p.relative(), deleted);
                }
            }
        }
        for (FolderTree.Entry e : uncommitted) {
            if (FolderTree.deleteFile(fs, e)) {
                deleted.add(e.path());
            }
        }
        return deleted;
    }

    private static void deletePartFile(FileSystem fs, Path root, String table, String relative, List<Path> deleted)
            throws IOException {
        int slash = relative.lastIndexOf('/');
        Path dir = slash < 0 ? new Path(root, table) : new Path(new Path(root, table), relative.substring(0, slash));
        String name = relative.substring(slash + 1);
        if (!FolderLayout.isPartFile(name)
                || FolderTree.kindOf(fs, new Path(root, table)).orElse(null) != FolderTree.Kind.DIRECTORY
                || slash >= 0 && FolderTree.kindOf(fs, dir).orElse(null) != FolderTree.Kind.DIRECTORY) {
            return; // missing, or reached through a link: never deleted through one
        }
        for (FolderTree.Entry e : FolderTree.list(fs, dir)) {
            if (e.name().equals(name) && e.kind() == FolderTree.Kind.FILE && fs.delete(e.path(), false)) {
                deleted.add(e.path());
            }
        }
    }

    /** Reads the folder at {@code root}, written for the study whose hash is {@code studyHash}. */
    public static CommittedTables read(FileSystem fs, Path root, String studyHash) throws IOException {
        return read(new HadoopFolderFiles(fs), root, studyHash);
    }

    /**
     * {@link #read(FileSystem, Path, String)} through {@code files}: Hadoop's FileSystem or, for a
     * local folder, without Hadoop (status); both count and name every file alike.
     */
    public static CommittedTables read(FolderFiles files, Path root, String studyHash) throws IOException {
        // The trials table is listed first: a task commits its traces file, then its trials file,
        // so a trials file listed is sure to have its traces file in the later listing, even while
        // a run commits tasks (status reads while a run works). Listed the other way round, a task
        // committed between the two listings showed as trials whose traces were missing.
        List<Problem> trialsProblems = new ArrayList<>();
        List<FolderTree.Entry> trialsUncommitted = new ArrayList<>();
        List<Checked> trials = new ArrayList<>(scan(files, root, TrialsTable.NAME, studyHash, trialsProblems,
                trialsUncommitted));
        List<Problem> problems = new ArrayList<>();
        List<FolderTree.Entry> uncommitted = new ArrayList<>();
        Map<String, Checked> traces = new LinkedHashMap<>();
        for (Checked c : scan(files, root, TracesTable.NAME, studyHash, problems, uncommitted)) {
            traces.put(c.relative, c);
        }
        problems.addAll(trialsProblems); // named in the order of the tables, traces first
        uncommitted.addAll(trialsUncommitted);
        List<Task> tasks = new ArrayList<>();
        Map<Long, Path> owner = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        // of two files holding the same trials, count the one whose task is whole (a copied
        // trials file has no traces file beside it); then by name
        trials.sort(Comparator.comparing((Checked t) -> !(t.whole && traces.containsKey(t.relative)
                && traces.get(t.relative).whole)).thenComparing(t -> t.relative));
        for (Checked t : trials) {
            Checked companion = traces.remove(t.relative);
            if (!t.whole) {
                if (companion != null) {
                    companion.repairWithTrials = true; // reported with its trials file, deleted with it
                }
                continue;
            }
            Rows rows;
            try {
                rows = readTrials(files, t.entry.path(), studyHash);
            } catch (FileNotFoundException e) {
                // gone since it was listed (a run at work renamed or deleted it): read as if never listed
                if (companion != null) {
                    traces.put(t.relative, companion);
                }
                continue;
            }
            if (rows.otherStudy != null) {
                problems.add(new Problem(TrialsTable.NAME, t.relative, t.entry.path(), Kind.OTHER_STUDY,
                        "study_hash " + rows.otherStudy, false));
                continue;
            }
            Optional<Path> first = Arrays.stream(rows.indexes).mapToObj(owner::get).filter(p -> p != null).findFirst();
            if (first.isPresent()) {
                problems.add(new Problem(TrialsTable.NAME, t.relative, t.entry.path(), Kind.DUPLICATE,
                        "the same trials as " + first.get(), false));
                continue;
            }
            if (companion == null || !companion.whole) {
                problems.add(new Problem(TrialsTable.NAME, t.relative, t.entry.path(), Kind.NO_TRACES, "", true));
                continue;
            }
            for (long i : rows.indexes) {
                owner.put(i, t.entry.path());
            }
            rows.statuses.forEach((st, n) -> counts.merge(st, n, Long::sum));
            tasks.add(new Task(t.entry.path(), companion.entry.path(), rows.indexes));
        }
        for (Checked orphan : traces.values()) {
            if (orphan.repairWithTrials) {
                continue; // reported with its trials file
            }
            if (FolderLayout.isPartFile(orphan.entry.name())) {
                uncommitted.add(orphan.entry); // its task died between its traces and trials renames
            }
        }
        return new CommittedTables(tasks, problems, uncommitted, counts);
    }

    /** A visible file of a table and what its footer said. */
    private static final class Checked {
        final FolderTree.Entry entry;
        final String relative;
        final boolean whole;
        final boolean repairable;
        boolean repairWithTrials;

        Checked(FolderTree.Entry entry, String relative, boolean whole, boolean repairable) {
            this.entry = entry;
            this.relative = relative;
            this.whole = whole;
            this.repairable = repairable;
        }
    }

    /** Lists a table (its root and one level of partition directories) and checks every visible file. */
    private static List<Checked> scan(FolderFiles files, Path root, String table, String studyHash,
                                      List<Problem> problems, List<FolderTree.Entry> uncommitted) throws IOException {
        List<Checked> out = new ArrayList<>();
        Path tableRoot = new Path(root, table);
        Optional<FolderTree.Kind> kind = files.kindOf(tableRoot);
        if (kind.isEmpty()) {
            return out;
        }
        if (kind.get() == FolderTree.Kind.LINK) {
            problems.add(new Problem(table, "", tableRoot, Kind.LINK, "the whole " + table + " table", false));
            return out;
        }
        List<FolderTree.Entry> top = files.list(tableRoot);
        Set<String> topNames = names(top);
        for (FolderTree.Entry e : top) {
            if (e.kind() == FolderTree.Kind.DIRECTORY && FolderLayout.isPartitionDirectory(e.name())) {
                List<FolderTree.Entry> partition = files.list(e.path());
                Set<String> partitionNames = names(partition);
                for (FolderTree.Entry f : partition) {
                    check(files, f, partitionNames, e.name() + "/" + f.name(), table, studyHash, problems, uncommitted, out);
                }
            } else {
                check(files, e, topNames, e.name(), table, studyHash, problems, uncommitted, out);
            }
        }
        return out;
    }

    private static Set<String> names(List<FolderTree.Entry> entries) {
        Set<String> names = new HashSet<>();
        entries.forEach(e -> names.add(e.name()));
        return names;
    }

    /** Checks one file; {@code siblings} are the names listed with it (for a checksum's file). */
    private static void check(FolderFiles files, FolderTree.Entry f, Set<String> siblings, String relative, String table,
                              String studyHash, List<Problem> problems, List<FolderTree.Entry> uncommitted,
                              List<Checked> out) throws IOException {
        String name = f.name();
        if (name.startsWith(".") || name.startsWith("_")) { // hidden: readers skip it
            if (f.kind() == FolderTree.Kind.FILE && FolderLayout.isPartTemporary(name) && !isChecksumOfExisting(name, siblings)) {
                uncommitted.add(f);
            }
            return;
        }
        if (f.kind() == FolderTree.Kind.LINK) {
            problems.add(new Problem(table, relative, f.path(), Kind.LINK, "", false));
            return;
        }
        boolean ours = FolderLayout.isPartFile(name) && f.kind() == FolderTree.Kind.FILE;
        if (!ours) {
            problems.add(new Problem(table, relative, f.path(), Kind.FOREIGN, "its name is not part-<task>.parquet", false));
            return;
        }
        if (f.length() == 0) {
            problems.add(new Problem(table, relative, f.path(), Kind.EMPTY, "", true));
            out.add(new Checked(f, relative, false, true));
            return;
        }
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(files.parquet(f.path()), files.parquetOptions())) {
            footer = reader.getFooter();
        } catch (FileNotFoundException e) {
            return; // gone since it was listed (a run at work renamed or deleted it): no longer in the folder
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(table, relative, f.path(), Kind.TRUNCATED, f.length() + " bytes: " + firstLine(e), true));
            out.add(new Checked(f, relative, false, true));
            return;
        }
        Optional<PartFileFooter> meta = PartFileFooter.of(footer.getFileMetaData().getKeyValueMetaData());
        if (meta.isEmpty() || !meta.get().table().equals(table)) {
            problems.add(new Problem(table, relative, f.path(), Kind.FOREIGN, meta.map(m -> "it holds the " + m.table() + " table")
                    .orElse("no gradsweep table in its footer"), false));
            return;
        }
        if (meta.get().studyHash().isPresent() && !meta.get().studyHash().get().equals(studyHash)) {
            problems.add(new Problem(table, relative, f.path(), Kind.OTHER_STUDY, "study hash " + meta.get().studyHash().get(), false));
            return;
        }
        if (meta.get().taskKey().isPresent() && !name.equals(PartFiles.finalName(meta.get().taskKey().get()))) {
            problems.add(new Problem(table, relative, f.path(), Kind.COPY, "written as " + PartFiles.finalName(meta.get().taskKey().get()),
                    false));
            return;
        }
        long rows = footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
        if (meta.get().rows().isPresent() && meta.get().rows().get() != rows) {
            problems.add(new Problem(table, relative, f.path(), Kind.ROW_COUNT, rows + " rows, written with " + meta.get().rows().get(),
                    true));
            out.add(new Checked(f, relative, false, true));
            return;
        }
        out.add(new Checked(f, relative, true, false));
    }

    /**
     * A checksum file ({@code .NAME.crc}) whose file NAME was listed with it: it belongs to that
     * file. From the one listing, not a look-up per checksum (a listing each on HDFS).
     */
    private static boolean isChecksumOfExisting(String name, Set<String> siblings) {
        return name.endsWith(".crc") && siblings.contains(name.substring(1, name.length() - ".crc".length()));
    }

    /** What a trials file holds: its grid indexes and statuses, and a study hash not ours if it has one. */
    private record Rows(long[] indexes, Map<String, Long> statuses, String otherStudy) {
    }

    /**
     * Reads the three columns of a trials file it needs, as Parquet's record reader over a
     * projection (what a ParquetReader does, without its Hadoop configuration).
     */
    private static Rows readTrials(FolderFiles files, Path file, String studyHash) throws IOException {
        List<Long> indexes = new ArrayList<>();
        Map<String, Long> statuses = new HashMap<>();
        String other = null;
        try (ParquetFileReader reader = ParquetFileReader.open(files.parquet(file), files.parquetOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (String column : List.of(TrialsTable.GRID_INDEX, TrialsTable.STATUS, TrialsTable.STUDY_HASH)) {
                if (schema.containsField(column)) {
                    fields.add(schema.getType(column));
                }
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            MessageColumnIO columns = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
                    .getColumnIO(projection, schema);
            for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null; rowGroup = reader.readNextRowGroup()) {
                RecordReader<Group> rows = columns.getRecordReader(rowGroup, new GroupRecordConverter(projection));
                for (long r = 0; r < rowGroup.getRowCount(); r++) {
                    Group g = rows.read();
                    indexes.add(g.getLong(TrialsTable.GRID_INDEX, 0));
                    statuses.merge(g.getString(TrialsTable.STATUS, 0), 1L, Long::sum);
                    String hash = g.getString(TrialsTable.STUDY_HASH, 0);
                    if (!hash.equals(studyHash)) {
                        other = hash;
                    }
                }
            }
        }
        return new Rows(indexes.stream().mapToLong(Long::longValue).toArray(), statuses, other);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
