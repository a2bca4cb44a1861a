package io.cairn.object.update;

/**
 * The object a container update is about, and where its async_pending goes if the update fails.
 *
 * @param account the object's account
 * @param container the object's container
 * @param object the object name
 * @param objectDevice the device that holds the object (its {@code async_pending[-N]} receives failures)
 * @param policyIndex the object's storage policy
 */
public record ObjectUpdateTarget(
        String account, String container, String object, String objectDevice, int policyIndex) {}
