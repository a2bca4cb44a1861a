package io.cairn.compute.compute.api;

import io.cairn.compute.system.ApiEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nova's version documents: {@code /compute} lists v2.0 then v2.1; {@code /compute/v2.1} shows v2.1. No token. */
@RestController
public class VersionsController {
    private final ApiEndpoints endpoints;

    public VersionsController(ApiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping({"/compute", "/compute/"})
    public Map<String, Object> versions() {
        return Map.of("versions", List.of(v20(), v21()));
    }

    @GetMapping({"/compute/v2.1", "/compute/v2.1/"})
    public Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>(v21());
        v.put(
                "media-types",
                List.of(Map.of(
                        "base", "application/json", "type", "application/vnd.openstack.compute+json;version=2.1")));
        v.put(
                "links",
                List.of(
                        Map.of("rel", "self", "href", endpoints.computeUrl() + "/"),
                        Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
        return Map.of("version", v);
    }

    private Map<String, Object> v20() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.0");
        v.put("status", "SUPPORTED");
        v.put("version", "");
        v.put("min_version", "");
        v.put("updated", "2011-01-21T11:33:21Z");
        v.put("links", List.of(Map.of("rel", "self", "href", endpoints.computeRoot() + "/v2/")));
        return v;
    }

    private Map<String, Object> v21() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.1");
        v.put("status", "CURRENT");
        v.put("version", NovaVersion.MAX.toString());
        v.put("min_version", NovaVersion.MIN.toString());
        v.put("updated", "2013-07-23T11:33:21Z");
        v.put("links", List.of(Map.of("rel", "self", "href", endpoints.computeUrl() + "/")));
        return v;
    }
}
