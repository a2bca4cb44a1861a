package io.cairn.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ring.Device;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendHeadersTest {
    private static Device dev(int i) {
        return new Device(i, 1, i, "10.0.0." + i, 6200 + i, "10.0.0." + i, 6200 + i, "sd" + i, 1, "");
    }

    @Test
    void shouldStampSwiftHeadersWhenBuildingBase() {
        HttpHeaders client = new DefaultHttpHeaders()
                .set("X-Object-Meta-A", "1")
                .set("Connection", "keep-alive")
                .set("Content-Length", "5");
        HttpHeaders h = BackendHeaders.base("PUT", "/v1/a/c/o", "1700000000.00000", "tx1", 2, client);
        assertThat(h.get("X-Timestamp")).isEqualTo("1700000000.00000");
        assertThat(h.get("X-Trans-Id")).isEqualTo("tx1");
        assertThat(h.get("Referer")).isEqualTo("PUT /v1/a/c/o");
        assertThat(h.get("User-Agent")).startsWith("proxy-server ");
        assertThat(h.get("X-Backend-Storage-Policy-Index")).isEqualTo("2");
        assertThat(h.get("X-Object-Meta-A")).isEqualTo("1");
        assertThat(h.contains("Connection")).isFalse();
        assertThat(h.contains("Content-Length")).isFalse();
    }

    @Test
    void shouldNameEachContainerReplicaOnceWhenThreeByThree() {
        List<HttpHeaders> reqs = BackendHeaders.copies(new DefaultHttpHeaders(), 3);
        BackendHeaders.spreadContainerUpdates(reqs, 7, List.of(dev(1), dev(2), dev(3)), 2, null);
        assertThat(BackendHeaders.containerUpdateCount(3, 3, 2)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(reqs.get(i).get("X-Container-Partition")).isEqualTo("7");
            assertThat(reqs.get(i).get("X-Container-Host")).isEqualTo("10.0.0." + (i + 1) + ":" + (6201 + i));
            assertThat(reqs.get(i).get("X-Container-Device")).isEqualTo("sd" + (i + 1));
        }
        assertThat(reqs.get(0).get("X-Backend-Clean-Expiring-Object-Queue")).isEqualTo("t");
        assertThat(reqs.get(1).get("X-Backend-Clean-Expiring-Object-Queue")).isEqualTo("t");
        assertThat(reqs.get(2).get("X-Backend-Clean-Expiring-Object-Queue")).isEqualTo("f");
    }

    @Test
    void shouldAppendUpdatesWhenMoreUpdatesThanRequests() {
        // 5 object replicas, quorum 3, 3 container replicas: max(2 + 5 - 3, 3) = 4 updates over 5 requests;
        // 2 object replicas, quorum 1, 3 containers: max(2 + 2 - 1, 3) = 3 updates over 2 requests.
        assertThat(BackendHeaders.containerUpdateCount(3, 5, 3)).isEqualTo(4);
        List<HttpHeaders> reqs = BackendHeaders.copies(new DefaultHttpHeaders(), 2);
        BackendHeaders.spreadContainerUpdates(reqs, 1, List.of(dev(1), dev(2), dev(3)), 1, null);
        assertThat(reqs.get(0).get("X-Container-Host")).isEqualTo("10.0.0.1:6201,10.0.0.3:6203");
        assertThat(reqs.get(0).get("X-Container-Device")).isEqualTo("sd1,sd3");
        assertThat(reqs.get(1).get("X-Container-Host")).isEqualTo("10.0.0.2:6202");
    }

    @Test
    void shouldAssignExpirerTargetsInReverseWhenDeleteAtSet() {
        List<HttpHeaders> reqs = BackendHeaders.copies(new DefaultHttpHeaders(), 3);
        BackendHeaders.spreadContainerUpdates(
                reqs,
                7,
                List.of(dev(1), dev(2), dev(3)),
                2,
                new BackendHeaders.DeleteAtTarget("1700006400", 9, List.of(dev(4), dev(5), dev(6))));
        assertThat(reqs.get(2).get("X-Delete-At-Host")).isEqualTo("10.0.0.4:6204");
        assertThat(reqs.get(0).get("X-Delete-At-Host")).isEqualTo("10.0.0.6:6206");
        assertThat(reqs.get(1).get("X-Delete-At-Container")).isEqualTo("1700006400");
        assertThat(reqs.get(1).get("X-Delete-At-Partition")).isEqualTo("9");
    }

    @Test
    void shouldSpreadAccountReplicasWhenContainerWrite() {
        List<HttpHeaders> reqs = BackendHeaders.copies(new DefaultHttpHeaders(), 3);
        BackendHeaders.spreadAccountUpdates(reqs, 4, List.of(dev(1), dev(2), dev(3)));
        assertThat(reqs.get(1).get("X-Account-Host")).isEqualTo("10.0.0.2:6202");
        assertThat(reqs.get(2).get("X-Account-Device")).isEqualTo("sd3");
        assertThat(reqs.get(0).get("X-Account-Partition")).isEqualTo("4");
    }
}
