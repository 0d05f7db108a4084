// Denmark's 98 municipalities: official code (Danmarks Statistik / DAWA), name, region, and the
// approximate position of the municipal seat, used to place cases on the map.

export interface Municipality {
  code: number;
  name: string;
  region: string;
  lat: number;
  lon: number;
}

export const municipalities: readonly Municipality[] = [
  { code: 101, name: "København", region: "Region Hovedstaden", lat: 55.676, lon: 12.568 },
  { code: 147, name: "Frederiksberg", region: "Region Hovedstaden", lat: 55.679, lon: 12.532 },
  { code: 151, name: "Ballerup", region: "Region Hovedstaden", lat: 55.731, lon: 12.363 },
  { code: 153, name: "Brøndby", region: "Region Hovedstaden", lat: 55.650, lon: 12.420 },
  { code: 155, name: "Dragør", region: "Region Hovedstaden", lat: 55.594, lon: 12.672 },
  { code: 157, name: "Gentofte", region: "Region Hovedstaden", lat: 55.750, lon: 12.552 },
  { code: 159, name: "Gladsaxe", region: "Region Hovedstaden", lat: 55.735, lon: 12.488 },
  { code: 161, name: "Glostrup", region: "Region Hovedstaden", lat: 55.666, lon: 12.400 },
  { code: 163, name: "Herlev", region: "Region Hovedstaden", lat: 55.724, lon: 12.440 },
  { code: 165, name: "Albertslund", region: "Region Hovedstaden", lat: 55.657, lon: 12.354 },
  { code: 167, name: "Hvidovre", region: "Region Hovedstaden", lat: 55.643, lon: 12.474 },
  { code: 169, name: "Høje-Taastrup", region: "Region Hovedstaden", lat: 55.650, lon: 12.280 },
  { code: 173, name: "Lyngby-Taarbæk", region: "Region Hovedstaden", lat: 55.770, lon: 12.503 },
  { code: 175, name: "Rødovre", region: "Region Hovedstaden", lat: 55.681, lon: 12.454 },
  { code: 183, name: "Ishøj", region: "Region Hovedstaden", lat: 55.615, lon: 12.350 },
  { code: 185, name: "Tårnby", region: "Region Hovedstaden", lat: 55.630, lon: 12.600 },
  { code: 187, name: "Vallensbæk", region: "Region Hovedstaden", lat: 55.622, lon: 12.385 },
  { code: 190, name: "Furesø", region: "Region Hovedstaden", lat: 55.808, lon: 12.361 },
  { code: 201, name: "Allerød", region: "Region Hovedstaden", lat: 55.870, lon: 12.357 },
  { code: 210, name: "Fredensborg", region: "Region Hovedstaden", lat: 55.976, lon: 12.405 },
  { code: 217, name: "Helsingør", region: "Region Hovedstaden", lat: 56.036, lon: 12.612 },
  { code: 219, name: "Hillerød", region: "Region Hovedstaden", lat: 55.927, lon: 12.301 },
  { code: 223, name: "Hørsholm", region: "Region Hovedstaden", lat: 55.881, lon: 12.501 },
  { code: 230, name: "Rudersdal", region: "Region Hovedstaden", lat: 55.813, lon: 12.472 },
  { code: 240, name: "Egedal", region: "Region Hovedstaden", lat: 55.790, lon: 12.170 },
  { code: 250, name: "Frederikssund", region: "Region Hovedstaden", lat: 55.839, lon: 12.069 },
  { code: 260, name: "Halsnæs", region: "Region Hovedstaden", lat: 55.971, lon: 12.023 },
  { code: 270, name: "Gribskov", region: "Region Hovedstaden", lat: 56.022, lon: 12.197 },
  { code: 400, name: "Bornholm", region: "Region Hovedstaden", lat: 55.101, lon: 14.706 },
  { code: 253, name: "Greve", region: "Region Sjælland", lat: 55.583, lon: 12.298 },
  { code: 259, name: "Køge", region: "Region Sjælland", lat: 55.458, lon: 12.182 },
  { code: 265, name: "Roskilde", region: "Region Sjælland", lat: 55.642, lon: 12.080 },
  { code: 269, name: "Solrød", region: "Region Sjælland", lat: 55.535, lon: 12.212 },
  { code: 306, name: "Odsherred", region: "Region Sjælland", lat: 55.925, lon: 11.671 },
  { code: 316, name: "Holbæk", region: "Region Sjælland", lat: 55.717, lon: 11.713 },
  { code: 320, name: "Faxe", region: "Region Sjælland", lat: 55.256, lon: 12.119 },
  { code: 326, name: "Kalundborg", region: "Region Sjælland", lat: 55.680, lon: 11.089 },
  { code: 329, name: "Ringsted", region: "Region Sjælland", lat: 55.443, lon: 11.790 },
  { code: 330, name: "Slagelse", region: "Region Sjælland", lat: 55.403, lon: 11.354 },
  { code: 336, name: "Stevns", region: "Region Sjælland", lat: 55.310, lon: 12.389 },
  { code: 340, name: "Sorø", region: "Region Sjælland", lat: 55.432, lon: 11.556 },
  { code: 350, name: "Lejre", region: "Region Sjælland", lat: 55.604, lon: 11.970 },
  { code: 360, name: "Lolland", region: "Region Sjælland", lat: 54.776, lon: 11.501 },
  { code: 370, name: "Næstved", region: "Region Sjælland", lat: 55.230, lon: 11.761 },
  { code: 376, name: "Guldborgsund", region: "Region Sjælland", lat: 54.769, lon: 11.874 },
  { code: 390, name: "Vordingborg", region: "Region Sjælland", lat: 55.009, lon: 11.911 },
  { code: 410, name: "Middelfart", region: "Region Syddanmark", lat: 55.506, lon: 9.731 },
  { code: 420, name: "Assens", region: "Region Syddanmark", lat: 55.270, lon: 9.900 },
  { code: 430, name: "Faaborg-Midtfyn", region: "Region Syddanmark", lat: 55.238, lon: 10.478 },
  { code: 440, name: "Kerteminde", region: "Region Syddanmark", lat: 55.449, lon: 10.657 },
  { code: 450, name: "Nyborg", region: "Region Syddanmark", lat: 55.312, lon: 10.790 },
  { code: 461, name: "Odense", region: "Region Syddanmark", lat: 55.396, lon: 10.388 },
  { code: 479, name: "Svendborg", region: "Region Syddanmark", lat: 55.060, lon: 10.607 },
  { code: 480, name: "Nordfyns", region: "Region Syddanmark", lat: 55.485, lon: 10.256 },
  { code: 482, name: "Langeland", region: "Region Syddanmark", lat: 54.937, lon: 10.711 },
  { code: 492, name: "Ærø", region: "Region Syddanmark", lat: 54.888, lon: 10.412 },
  { code: 510, name: "Haderslev", region: "Region Syddanmark", lat: 55.250, lon: 9.488 },
  { code: 530, name: "Billund", region: "Region Syddanmark", lat: 55.757, lon: 8.927 },
  { code: 540, name: "Sønderborg", region: "Region Syddanmark", lat: 54.909, lon: 9.792 },
  { code: 550, name: "Tønder", region: "Region Syddanmark", lat: 54.934, lon: 8.867 },
  { code: 561, name: "Esbjerg", region: "Region Syddanmark", lat: 55.476, lon: 8.459 },
  { code: 563, name: "Fanø", region: "Region Syddanmark", lat: 55.445, lon: 8.403 },
  { code: 573, name: "Varde", region: "Region Syddanmark", lat: 55.621, lon: 8.481 },
  { code: 575, name: "Vejen", region: "Region Syddanmark", lat: 55.481, lon: 9.138 },
  { code: 580, name: "Aabenraa", region: "Region Syddanmark", lat: 55.044, lon: 9.419 },
  { code: 607, name: "Fredericia", region: "Region Syddanmark", lat: 55.566, lon: 9.752 },
  { code: 621, name: "Kolding", region: "Region Syddanmark", lat: 55.490, lon: 9.472 },
  { code: 630, name: "Vejle", region: "Region Syddanmark", lat: 55.709, lon: 9.536 },
  { code: 615, name: "Horsens", region: "Region Midtjylland", lat: 55.861, lon: 9.850 },
  { code: 657, name: "Herning", region: "Region Midtjylland", lat: 56.139, lon: 8.974 },
  { code: 661, name: "Holstebro", region: "Region Midtjylland", lat: 56.360, lon: 8.616 },
  { code: 665, name: "Lemvig", region: "Region Midtjylland", lat: 56.549, lon: 8.310 },
  { code: 671, name: "Struer", region: "Region Midtjylland", lat: 56.491, lon: 8.589 },
  { code: 706, name: "Syddjurs", region: "Region Midtjylland", lat: 56.195, lon: 10.682 },
  { code: 707, name: "Norddjurs", region: "Region Midtjylland", lat: 56.416, lon: 10.878 },
  { code: 710, name: "Favrskov", region: "Region Midtjylland", lat: 56.266, lon: 10.066 },
  { code: 727, name: "Odder", region: "Region Midtjylland", lat: 55.973, lon: 10.153 },
  { code: 730, name: "Randers", region: "Region Midtjylland", lat: 56.461, lon: 10.036 },
  { code: 740, name: "Silkeborg", region: "Region Midtjylland", lat: 56.170, lon: 9.545 },
  { code: 741, name: "Samsø", region: "Region Midtjylland", lat: 55.834, lon: 10.598 },
  { code: 746, name: "Skanderborg", region: "Region Midtjylland", lat: 56.038, lon: 9.928 },
  { code: 751, name: "Aarhus", region: "Region Midtjylland", lat: 56.157, lon: 10.211 },
  { code: 756, name: "Ikast-Brande", region: "Region Midtjylland", lat: 56.139, lon: 9.158 },
  { code: 760, name: "Ringkøbing-Skjern", region: "Region Midtjylland", lat: 56.090, lon: 8.244 },
  { code: 766, name: "Hedensted", region: "Region Midtjylland", lat: 55.771, lon: 9.701 },
  { code: 779, name: "Skive", region: "Region Midtjylland", lat: 56.567, lon: 9.027 },
  { code: 791, name: "Viborg", region: "Region Midtjylland", lat: 56.453, lon: 9.402 },
  { code: 773, name: "Morsø", region: "Region Nordjylland", lat: 56.795, lon: 8.861 },
  { code: 787, name: "Thisted", region: "Region Nordjylland", lat: 56.958, lon: 8.694 },
  { code: 810, name: "Brønderslev", region: "Region Nordjylland", lat: 57.270, lon: 9.941 },
  { code: 813, name: "Frederikshavn", region: "Region Nordjylland", lat: 57.441, lon: 10.537 },
  { code: 820, name: "Vesthimmerlands", region: "Region Nordjylland", lat: 56.803, lon: 9.518 },
  { code: 825, name: "Læsø", region: "Region Nordjylland", lat: 57.254, lon: 11.000 },
  { code: 840, name: "Rebild", region: "Region Nordjylland", lat: 56.886, lon: 9.837 },
  { code: 846, name: "Mariagerfjord", region: "Region Nordjylland", lat: 56.639, lon: 9.792 },
  { code: 849, name: "Jammerbugt", region: "Region Nordjylland", lat: 57.162, lon: 9.730 },
  { code: 851, name: "Aalborg", region: "Region Nordjylland", lat: 57.048, lon: 9.919 },
  { code: 860, name: "Hjørring", region: "Region Nordjylland", lat: 57.464, lon: 9.982 },
];

export const municipalityNames = municipalities.map((m) => m.name);

/** Danish alphabetical order: æ, ø and å after z, and "Aa" as å (Aabenraa and Aarhus come last), as Danes look for them. */
export const danishCollator = new Intl.Collator('da');

/** The 98 names in Danish alphabetical order: every list a person picks a municipality from shows them this way. */
export const municipalityNamesInDanishOrder: readonly string[] = [...municipalityNames].sort(danishCollator.compare);

const byName = new Map(municipalities.map((m) => [m.name, m]));

export function findMunicipality(name: string): Municipality | undefined {
  return byName.get(name);
}
