package io.cairn.object.diskfile;

import java.nio.file.Path;

/**
 * Swift's directory names on a device (reference §2.1; {@code get_data_dir}, {@code get_tmp_dir}, {@code
 * get_async_dir}, {@code get_part_path}):
 *
 * <pre>
 *   &lt;dev&gt;/objects[-N]/&lt;part&gt;/&lt;suffix&gt;/&lt;hash&gt;/&lt;files&gt;     suffix = hash[-3:]
 *   &lt;dev&gt;/objects[-N]/&lt;part&gt;/hashes.pkl, hashes.invalid
 *   &lt;dev&gt;/tmp[-N]/                                       temp files, renamed into place
 *   &lt;dev&gt;/async_pending[-N]/&lt;hash[-3:]&gt;/&lt;hash&gt;-&lt;ts&gt;
 *   &lt;dev&gt;/quarantined/objects[-N]/&lt;hash&gt;[-&lt;uuid4 hex&gt;]
 * </pre>
 *
 * {@code -N} appears only for policy indexes above 0. Thread-safety: stateless.
 */
public final class DiskLayout {
    public static final String OBJECTS = "objects";
    public static final String TMP = "tmp";
    public static final String ASYNC_PENDING = "async_pending";
    public static final String QUARANTINED = "quarantined";

    private DiskLayout() {}

    /** Swift's {@code get_policy_string(base, index)}. */
    public static String policyDir(String base, int policyIndex) {
        if (policyIndex < 0) {
            throw new IllegalArgumentException("storage policy index must be >= 0, not " + policyIndex);
        }
        return policyIndex == 0 ? base : base + "-" + policyIndex;
    }

    public static Path partitionDir(Path device, int policyIndex, int partition) {
        return device.resolve(policyDir(OBJECTS, policyIndex)).resolve(Integer.toString(partition));
    }

    public static String suffixOf(String nameHash) {
        return nameHash.substring(nameHash.length() - 3);
    }

    public static Path hashDir(Path device, int policyIndex, int partition, String nameHash) {
        return partitionDir(device, policyIndex, partition)
                .resolve(suffixOf(nameHash))
                .resolve(nameHash);
    }

    public static Path tmpDir(Path device, int policyIndex) {
        return device.resolve(policyDir(TMP, policyIndex));
    }

    public static Path asyncPendingDir(Path device, int policyIndex) {
        return device.resolve(policyDir(ASYNC_PENDING, policyIndex));
    }

    public static Path quarantineDir(Path device, int policyIndex) {
        return device.resolve(QUARANTINED).resolve(policyDir(OBJECTS, policyIndex));
    }

    /** Swift's {@code valid_suffix}: three lowercase hex digits. */
    public static boolean isValidSuffix(String s) {
        return io.cairn.object.hashes.SuffixHashStore.isValidSuffix(s);
    }
}
