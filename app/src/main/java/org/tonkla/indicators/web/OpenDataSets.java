package org.tonkla.indicators.web;

import java.util.List;

/** The open datasets' descriptions, in Thai then English, as CKAN's package_show and the DCAT catalogue give them. */
record OpenDataSets(String id, String title, String notes, List<String> keywords) {

    static final OpenDataSets INDICATORS = new OpenDataSets(OpenDataController.DATASET,
            "ตัวชี้วัดเด็กปฐมวัยรายจังหวัดและอำเภอ (Tonkla early-childhood indicators)",
            "จำนวนเด็กตามตัวชี้วัด แยกตามปี จังหวัด อำเภอ เพศ และกลุ่มอายุ ช่องที่มีค่า 1-4 และช่องที่ใช้คำนวณย้อนกลับได้ถูกปกปิด"
                    + " / Counts of children per indicator fact by year, province, district, sex and age group; counts of 1-4"
                    + " and the cells that would reveal them are withheld.",
            List.of("early-childhood", "DSPM", "nutrition"));

    static final OpenDataSets PROTECTION = new OpenDataSets(OpenDataController.PROTECTION,
            "เด็กกลุ่มเปราะบางด้านการคุ้มครองเด็กรายจังหวัดและอำเภอ (Tonkla vulnerable children, child protection)",
            "จำนวนเด็กที่ผลคัดกรองความเสี่ยงด้านการคุ้มครองล่าสุดอยู่ระดับปานกลางขึ้นไปหรือมีเรื่องคุ้มครองที่เปิดอยู่ และจำนวนตามประเด็นเสี่ยง"
                    + " แยกตามปี จังหวัด อำเภอ เพศ และกลุ่มอายุ ช่องที่มีค่า 0-4 และช่องที่ใช้คำนวณย้อนกลับได้ถูกปกปิด"
                    + " (ค่าว่างหมายถึง 0 ถึง 4 คน 0 แสดงเฉพาะช่องที่ตัวเลขอื่นที่เผยแพร่บ่งว่าเป็น 0 อยู่แล้ว เช่น ไม่มีเด็กเลย)"
                    + " / Children whose latest protection screening was medium risk or above, or with an open protection"
                    + " concern, and per risk item, by year, province, district, sex and age group; counts of 0-4 and the"
                    + " cells that would reveal them are withheld (a blank is 0 to 4 children; 0 is shown only where the other"
                    + " published figures imply it, e.g. where there is no child at all).",
            List.of("early-childhood", "child-protection"));

    static final List<OpenDataSets> ALL = List.of(INDICATORS, PROTECTION);

    /** The dataset called {@code id}; the caller has checked that there is one. */
    static OpenDataSets of(String id) {
        return PROTECTION.id().equals(id) ? PROTECTION : INDICATORS;
    }

    /** The formats each dataset is published in, with their media types. */
    static final List<List<String>> FORMATS = List.of(List.of("CSV", "text/csv"), List.of("JSON", "application/json"),
            List.of("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
}
