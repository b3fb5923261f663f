package vn.giaoban.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param location the catalog folder: {@code classpath:catalog/van-lang/} or {@code file:/etc/giaoban/catalog/} */
@ConfigurationProperties("giaoban.catalog")
public record CatalogProperties(String location) {
}
