package io.cairn.compute.compute.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** How a driver gets images: properties, and the bytes into a file (it decides where: its base cache). */
public interface ImageSource {
    /** The image's document fields and properties as strings ({@code disk_format}, {@code os_hash_value}, ...). */
    Map<String, String> describe(String imageId) throws IOException;

    /** Streams the image's bytes into {@code target}; returns the hex sha512 of what was written. */
    String download(String imageId, Path target) throws IOException;
}
