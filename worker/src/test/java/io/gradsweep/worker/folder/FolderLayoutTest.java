package io.gradsweep.worker.folder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The names gradsweep writes, and only those, are recognised as its own. */
class FolderLayoutTest {
    @Test
    void partFilesTheirTemporariesAndChecksumsAreOursAndLookAlikesAreNot() {
        assertTrue(FolderLayout.isPartFile("part-9cb047edd9574de4.parquet"));
        assertFalse(FolderLayout.isPartFile("part-9cb047edd9574de4 copy.parquet"));
        assertFalse(FolderLayout.isPartFile("part-9cb047edd9574de4.parquet.bak"));
        assertFalse(FolderLayout.isPartFile("data.parquet"));
        assertTrue(FolderLayout.isPartTemporary(".part-9cb047edd9574de4.01234567-89ab-cdef-0123-456789abcdef.tmp"));
        assertTrue(FolderLayout.isPartTemporary("..part-9cb047edd9574de4.01234567-89ab-cdef-0123-456789abcdef.tmp.crc"));
        assertTrue(FolderLayout.isPartTemporary(".part-9cb047edd9574de4.parquet.crc"));
        assertFalse(FolderLayout.isPartTemporary(".hidden"));
        assertFalse(FolderLayout.isPartTemporary(".git"));
        assertFalse(FolderLayout.isPartTemporary(".part-x.tmp.swp"));
        assertTrue(FolderLayout.isTopLevelTemporary(".manifest.json.tmp"));
        assertTrue(FolderLayout.isTopLevelTemporary("._gradsweep.lock.0d9e.tmp"));
        assertFalse(FolderLayout.isTopLevelTemporary(".bashrc"));
        assertTrue(FolderLayout.isPartitionDirectory("activation=elu%28alpha%3D0.5%29"));
        assertFalse(FolderLayout.isPartitionDirectory("icons"));
    }
}
