package org.tonkla.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.indicators.OpenData;

/**
 * The open datasets as a DCAT catalogue in JSON-LD (W3C DCAT 2 terms, as ckanext-dcat and the European data portals
 * read them), for portals that harvest DCAT rather than CKAN's action API: each dataset with its title and
 * description in Thai and English, keywords, licence, daily refresh, Thailand as its coverage, and one distribution
 * per file format with its download address and media type.
 */
@RestController
class OpenDataCatalog {

    static final String PATH = "/open-data/catalog.jsonld";
    /** Thailand in GeoNames, the coverage DCAT portals resolve. */
    static final String THAILAND = "https://sws.geonames.org/1605651/";
    private final OpenData openData;
    private final String publisher;
    private final PublicAddress address;

    OpenDataCatalog(OpenData openData, PublicAddress address,
            @Value("${tonkla.open-data.publisher:Tonkla (ต้นกล้า)}") String publisher) {
        this.address = address;
        this.openData = openData;
        this.publisher = publisher;
    }

    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*")
    @GetMapping(value = PATH, produces = {"application/ld+json", "application/json"})
    Map<String, Object> catalog() {
        String base = address.base();
        String modified = openData.release().builtAt().toString();
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
                "foaf", "http://xmlns.com/foaf/0.1/", "xsd", "http://www.w3.org/2001/XMLSchema#"));
        catalog.put("@id", base + PATH);
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", List.of(text("ข้อมูลเปิดเด็กปฐมวัย ต้นกล้า", "th"), text("Tonkla early-childhood open data", "en")));
        catalog.put("dct:description", List.of(text("จำนวนเด็กรวมตามพื้นที่ ปี เพศ และกลุ่มอายุ ไม่มีข้อมูลระบุตัวบุคคล", "th"),
                text("Counts of children by area, year, sex and age group; nothing that identifies a person.", "en")));
        catalog.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", publisher));
        catalog.put("dct:license", Map.of("@id", OpenDataController.LICENCE_URL));
        catalog.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
        catalog.put("foaf:homepage", Map.of("@id", base + "/open-data"));
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (OpenDataSets set : OpenDataSets.ALL) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("@id", base + "/open-data/api/3/action/package_show?id=" + set.id());
            dataset.put("@type", "dcat:Dataset");
            dataset.put("dct:identifier", set.id());
            dataset.put("dct:title", set.title());
            dataset.put("dct:description", set.notes());
            dataset.put("dcat:keyword", set.keywords());
            dataset.put("dct:license", Map.of("@id", OpenDataController.LICENCE_URL));
            dataset.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
            dataset.put("dct:accrualPeriodicity", Map.of("@id", "http://purl.org/cld/freq/daily"));
            dataset.put("dct:spatial", Map.of("@id", THAILAND));
            dataset.put("dcat:temporalResolution", Map.of("@value", "P1Y", "@type", "xsd:duration"));
            dataset.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", publisher));
            List<Map<String, Object>> distributions = new ArrayList<>();
            for (List<String> format : OpenDataSets.FORMATS) {
                String url = base + "/open-data/" + set.id() + "." + format.get(0).toLowerCase(Locale.ROOT);
                Map<String, Object> distribution = new LinkedHashMap<>();
                distribution.put("@type", "dcat:Distribution");
                distribution.put("dct:title", set.id() + " (" + format.get(0) + ")");
                distribution.put("dcat:accessURL", Map.of("@id", url));
                distribution.put("dcat:downloadURL", Map.of("@id", url));
                distribution.put("dct:format", format.get(0));
                distribution.put("dcat:mediaType", Map.of("@id", "https://www.iana.org/assignments/media-types/" + format.get(1)));
                distribution.put("dct:license", Map.of("@id", OpenDataController.LICENCE_URL));
                distribution.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
                distributions.add(distribution);
            }
            dataset.put("dcat:distribution", distributions);
            datasets.add(dataset);
        }
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    private static Map<String, String> text(String value, String language) {
        return Map.of("@value", value, "@language", language);
    }
}
