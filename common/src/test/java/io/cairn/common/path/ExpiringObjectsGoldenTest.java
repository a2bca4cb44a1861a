package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.testing.Python;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The expirer queue's names against Swift 2.30.1's own functions (Debian's python3-swift). */
class ExpiringObjectsGoldenTest {
    private static final String PREFIX = "pre";
    private static final String SUFFIX = "changeme";
    private static final HashPath HASH = HashPath.of(PREFIX, SUFFIX);

    @Test
    void shouldNameTaskContainersAndObjectsAsSwiftWhenGivenTheSameObjects() {
        Random random = new Random(16);
        List<String[]> cases = new ArrayList<>();
        String[] names = {"o", "photo.jpg", "dir/sub/x", "grüße ☃", "a-b-c", "x%20y", "\uD83D\uDE00"};
        for (int i = 0; i < 60; i++) {
            long deleteAt = 1_700_000_000L + random.nextInt(400_000_000);
            long divisor = i % 3 == 0 ? 86_400 : i % 3 == 1 ? 3_600 : 7;
            String object = names[i % names.length] + (i % 2 == 0 ? "" : Integer.toString(i));
            cases.add(
                    new String[] {Long.toString(deleteAt), Long.toString(divisor), "AUTH_t" + i % 5, "c" + i % 4, object
                    });
        }
        StringBuilder stdin = new StringBuilder();
        for (String[] c : cases) {
            stdin.append(String.join("\t", c)).append('\n');
        }
        String script = """
                import sys
                from swift.common import utils
                from swift.obj.expirer import build_task_obj, parse_task_obj, ObjectExpirer
                utils.HASH_PATH_PREFIX = sys.argv[1].encode()
                utils.HASH_PATH_SUFFIX = sys.argv[2].encode()
                for line in sys.stdin.buffer.read().decode('utf-8').splitlines():
                    at, div, a, c, o = line.split('\\t')
                    task = build_task_obj(int(at), a, c, o)
                    ts, ta, tc, to = parse_task_obj(task)
                    cont = utils.get_expirer_container(int(at), int(div), a, c, o)
                    mod = ObjectExpirer.hash_mod(None, cont + '/' + task, 7)
                    print('\\t'.join([cont, task, ts.normal, ta, tc, to, str(mod)]))
                """;
        String out = new String(
                Python.run(script, stdin.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), PREFIX, SUFFIX),
                java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            String[] swift = lines[i].split("\t", -1);
            long deleteAt = Long.parseLong(c[0]);
            long divisor = Long.parseLong(c[1]);
            String container = ExpiringObjects.taskContainer(deleteAt, divisor, HASH.raw(c[2], c[3], c[4]));
            String task = ExpiringObjects.taskObject(deleteAt, c[2], c[3], c[4]);
            ExpiringObjects.Task parsed = ExpiringObjects.parseTaskObject(task);
            assertThat(container).as("container of %s", String.join("/", c)).isEqualTo(swift[0]);
            assertThat(ExpiringObjects.taskContainer(deleteAt, divisor, HASH.hex(c[2], c[3], c[4])))
                    .isEqualTo(swift[0]);
            assertThat(task).isEqualTo(swift[1]);
            assertThat(parsed.deleteAt().normal()).isEqualTo(swift[2]);
            assertThat(List.of(parsed.account(), parsed.container(), parsed.object()))
                    .containsExactly(swift[3], swift[4], swift[5]);
            assertThat(ExpiringObjects.hashMod(container + "/" + task, 7)).isEqualTo(Integer.parseInt(swift[6]));
        }
    }

    @Test
    void shouldRefuseNamesThatAreNotTasksWhenParsing() {
        assertThatThrownBy(() -> ExpiringObjects.parseTaskObject("1700000000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpiringObjects.parseTaskObject("1700000000-a/c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpiringObjects.parseTaskObject("1700000000-a//o"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpiringObjects.parseTaskObject("soon-a/c/o"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ExpiringObjects.parseTaskObject("1700000000-a/c/o/p").object())
                .isEqualTo("o/p");
        assertThat(ExpiringObjects.account(".", "")).isEqualTo(".expiring_objects");
    }
}
