// The console's world map for module pages: Leaflet over the offline Natural Earth countries.
// A page that shows one links /console/map.css, loads this script and awaits Kizuna.worldMap(...).
(function () {
  const scripts = new Map();
  function load(src) {
    if (!scripts.has(src)) {
      scripts.set(src, new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = resolve;
        s.onerror = () => reject(new Error('cannot load ' + src));
        document.head.append(s);
      }));
    }
    return scripts.get(src);
  }
  // The map in element `id`, centred on `center` at `zoom`, with the countries drawn; `credit` is added to
  // the attribution after Natural Earth's. Layers a page adds afterwards lie above the countries.
  async function worldMap(id, { center, zoom, credit }) {
    await Promise.all([load('/vendor/leaflet/dist/leaflet.js'), load('/vendor/topojson-client/dist/topojson-client.min.js')]);
    const map = L.map(id, { zoomControl: true, worldCopyJump: true }).setView(center, zoom);
    map.attributionControl.setPrefix(['Natural Earth (public domain)', credit].filter(Boolean).join(' · '));
    const world = await fetch('/vendor/world-atlas/countries-50m.json').then(r => r.json());
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { color: '#3b4c5c', weight: 1, fillColor: '#1f2a34', fillOpacity: 1 }, interactive: false
    }).addTo(map);
    return map;
  }
  Kizuna.worldMap = worldMap;
})();
