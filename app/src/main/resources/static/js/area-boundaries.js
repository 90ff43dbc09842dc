// The boundaries a dashboard map draws, from Tonkla's own /geo files (so maps work offline): the country's provinces,
// or one province's districts when d.mapLevel is 'district'. Resolves to the GeoJSON, each feature named by its DOPA
// P-code (what the data items are keyed by), and areaNames: P-code -> the area's name in the page's language.
window.tonklaAreaBoundaries = function (d) {
  return fetch(d.mapLevel === 'district' ? d.districtsFile : d.provincesFile)
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      var key = d.mapLevel === 'district' ? 'ADM2_PCODE' : 'ADM1_PCODE';
      if (d.mapLevel === 'district') {
        geo = { type: 'FeatureCollection',
                features: geo.features.filter(function (f) { return f.properties.ADM1_PCODE === 'TH' + d.province; }) };
      }
      var level = d.mapLevel === 'district' ? 'ADM2_' : 'ADM1_';
      var suffix = document.documentElement.lang === 'en' ? 'EN' : 'TH';
      var areaNames = {};
      geo.features.forEach(function (f) {
        f.properties.name = f.properties[key];
        areaNames[f.properties[key]] = f.properties[level + suffix] || f.properties[level + 'TH'];
      });
      return { geo: geo, areaNames: areaNames };
    });
};
