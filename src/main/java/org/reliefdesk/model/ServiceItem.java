package org.reliefdesk.model;

/** One of the platform's service items (服务事项), owned by one department. */
public record ServiceItem(String code, int number, String departmentCode, String nameZh, String nameEn) {}
