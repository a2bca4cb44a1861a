/**
 * Swift's {@code formpost} filter on the proxy's application seam ({@link io.cairn.proxy.swift.Middleware}): a
 * browser's {@code multipart/form-data} POST to {@code /v1/<account>/<container>[/<prefix>]}, signed with the
 * account's or container's TempURL keys, becomes one object PUT per file, each streamed from the form as it arrives
 * ({@link io.cairn.proxy.formpost.MultipartReader}); the answer is Swift's text, {@code 303} redirect, {@code 400}
 * or {@code 401}, byte for byte. It owns the form's parsing, its signature check and its answers. Must not: hold a
 * file in memory, talk to storage nodes directly (the PUTs go through the pipeline below it), or change what
 * {@code tempurl} accepts (it only reuses its keys and signature parsing).
 */
@NullMarked
package io.cairn.proxy.formpost;

import org.jspecify.annotations.NullMarked;
