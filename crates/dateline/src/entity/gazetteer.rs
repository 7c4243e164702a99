//! A general gazetteer: countries (with their other names, demonyms and capitals), major world
//! cities, US states and world regions.
//!
//! The data is compact text parsed once into a hash map from the lower-cased name (words joined
//! by single spaces, hyphens kept) to the place it names. Nothing here is specific to any story.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fx::{hash_str, FxBuild};

/// Countries, one a line: `Name|other names|demonyms|capital/other spellings;capital`.
const COUNTRIES: &str = "\
Afghanistan||Afghan,Afghans|Kabul
Albania||Albanian,Albanians|Tirana
Algeria||Algerian,Algerians|Algiers
Andorra||Andorran|
Angola||Angolan,Angolans|Luanda
Antigua and Barbuda|||
Argentina||Argentine,Argentinian,Argentinians,Argentines|Buenos Aires
Armenia||Armenian,Armenians|Yerevan
Australia||Australian,Australians|Canberra
Austria||Austrian,Austrians|Vienna
Azerbaijan||Azerbaijani,Azerbaijanis,Azeri,Azeris|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain||Bahraini,Bahrainis|Manama
Bangladesh||Bangladeshi,Bangladeshis|Dhaka
Barbados||Barbadian|Bridgetown
Belarus||Belarusian,Belarusians|Minsk
Belgium||Belgian,Belgians|Brussels
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian,Bolivians|La Paz;Sucre
Bosnia and Herzegovina|Bosnia,Bosnia-Herzegovina|Bosnian,Bosnians|Sarajevo
Botswana||Motswana,Batswana|Gaborone
Brazil||Brazilian,Brazilians|Brasilia/Brasília
Brunei||Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian,Bulgarians|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian,Burundians|Gitega;Bujumbura
Cambodia||Cambodian,Cambodians|Phnom Penh
Cameroon||Cameroonian,Cameroonians|Yaounde/Yaoundé
Canada||Canadian,Canadians|Ottawa
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic|||Bangui
Chad||Chadian,Chadians|N'Djamena/N’Djamena
Chile||Chilean,Chileans|Santiago
China|People's Republic of China,PRC|Chinese|Beijing/Peking
Colombia||Colombian,Colombians|Bogota/Bogotá
Comoros||Comoran|Moroni
Congo|Republic of the Congo,Congo-Brazzaville||Brazzaville
Democratic Republic of the Congo|DRC,DR Congo,Congo-Kinshasa|Congolese|Kinshasa
Costa Rica||Costa Rican,Costa Ricans|San Jose
Croatia||Croatian,Croatians,Croat,Croats|Zagreb
Cuba||Cuban,Cubans|Havana
Cyprus||Cypriot,Cypriots|Nicosia
Czech Republic|Czechia|Czech,Czechs|Prague
Denmark||Danish,Danes|Copenhagen
Djibouti||Djiboutian|
Dominica|||Roseau
Dominican Republic||Dominican,Dominicans|Santo Domingo
East Timor|Timor-Leste|Timorese|Dili
Ecuador||Ecuadorian,Ecuadorians|Quito
Egypt||Egyptian,Egyptians|Cairo
El Salvador||Salvadoran,Salvadorans|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean,Eritreans|Asmara
Estonia||Estonian,Estonians|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian,Ethiopians|Addis Ababa
Fiji||Fijian,Fijians|Suva
Finland||Finnish,Finns|Helsinki
France||French|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian,Gambians|Banjul
Georgia||Georgian,Georgians|Tbilisi
Germany||German,Germans|Berlin
Ghana||Ghanaian,Ghanaians|Accra
Greece||Greek,Greeks|Athens
Grenada||Grenadian|
Guatemala||Guatemalan,Guatemalans|Guatemala City
Guinea||Guinean,Guineans|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian,Haitians|Port-au-Prince
Honduras||Honduran,Hondurans|Tegucigalpa
Hungary||Hungarian,Hungarians|Budapest
Iceland||Icelandic,Icelanders|Reykjavik/Reykjavík
India||Indian,Indians|New Delhi
Indonesia||Indonesian,Indonesians|Jakarta
Iran|Islamic Republic of Iran|Iranian,Iranians,Persian|Tehran/Teheran
Iraq||Iraqi,Iraqis|Baghdad
Ireland|Republic of Ireland,Eire|Irish|Dublin
Israel|State of Israel|Israeli,Israelis|Jerusalem
Italy||Italian,Italians|Rome
Ivory Coast|Cote d'Ivoire,Côte d'Ivoire,Côte d’Ivoire|Ivorian,Ivorians|Yamoussoukro;Abidjan
Jamaica||Jamaican,Jamaicans|Kingston
Japan||Japanese|Tokyo
Jordan|Hashemite Kingdom of Jordan|Jordanian,Jordanians|Amman
Kazakhstan||Kazakh,Kazakhs,Kazakhstani|Astana;Almaty
Kenya||Kenyan,Kenyans|Nairobi
Kiribati|||Tarawa
Kosovo||Kosovar,Kosovars|Pristina
Kuwait||Kuwaiti,Kuwaitis|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Laotian,Lao|Vientiane
Latvia||Latvian,Latvians|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian,Liberians|Monrovia
Libya||Libyan,Libyans|Tripoli
Liechtenstein|||Vaduz
Lithuania||Lithuanian,Lithuanians|Vilnius
Luxembourg||Luxembourgish,Luxembourger|
Madagascar||Malagasy|Antananarivo
Malawi||Malawian,Malawians|Lilongwe
Malaysia||Malaysian,Malaysians|Kuala Lumpur
Maldives||Maldivian|
Mali||Malian,Malians|Bamako
Malta||Maltese|Valletta
Marshall Islands||Marshallese|Majuro
Mauritania||Mauritanian,Mauritanians|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican,Mexicans|Mexico City
Micronesia||Micronesian|Palikir
Moldova||Moldovan,Moldovans|Chisinau/Chișinău
Monaco||Monegasque|
Mongolia||Mongolian,Mongolians|Ulaanbaatar/Ulan Bator
Montenegro||Montenegrin,Montenegrins|Podgorica
Morocco||Moroccan,Moroccans|Rabat
Mozambique||Mozambican,Mozambicans|Maputo
Myanmar|Burma|Burmese|Naypyidaw/Nay Pyi Taw
Namibia||Namibian,Namibians|Windhoek
Nauru||Nauruan|
Nepal||Nepali,Nepalese|Kathmandu
Netherlands|The Netherlands,Holland|Dutch|Amsterdam;The Hague
New Zealand||New Zealander,New Zealanders|Wellington
Nicaragua||Nicaraguan,Nicaraguans|Managua
Niger||Nigerien,Nigeriens|Niamey
Nigeria||Nigerian,Nigerians|Abuja
North Korea|Democratic People's Republic of Korea,DPRK|North Korean,North Koreans|Pyongyang
North Macedonia|Macedonia|Macedonian,Macedonians|Skopje
Norway||Norwegian,Norwegians|Oslo
Oman||Omani,Omanis|Muscat
Pakistan||Pakistani,Pakistanis|Islamabad
Palau||Palauan|Ngerulmud
Palestine|State of Palestine,Palestinian territories,Palestinian Territories|Palestinian,Palestinians|Ramallah
Panama||Panamanian,Panamanians|Panama City
Papua New Guinea||Papua New Guinean|Port Moresby
Paraguay||Paraguayan,Paraguayans|Asuncion/Asunción
Peru||Peruvian,Peruvians|Lima
Philippines|The Philippines|Filipino,Filipinos,Philippine|Manila
Poland||Polish,Poles|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari,Qataris|Doha
Romania||Romanian,Romanians|Bucharest
Russia|Russian Federation|Russian,Russians|Moscow
Rwanda||Rwandan,Rwandans|Kigali
Saint Kitts and Nevis|||Basseterre
Saint Lucia|||Castries
Saint Vincent and the Grenadines|||Kingstown
Samoa||Samoan,Samoans|Apia
San Marino|||
Sao Tome and Principe|São Tomé and Príncipe||
Saudi Arabia|Kingdom of Saudi Arabia,KSA|Saudi,Saudis|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian,Serbians,Serb,Serbs|Belgrade
Seychelles||Seychellois|
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean,Singaporeans|
Slovakia||Slovak,Slovaks|Bratislava
Slovenia||Slovenian,Slovenians,Slovene|Ljubljana
Solomon Islands|||Honiara
Somalia||Somali,Somalis|Mogadishu
South Africa||South African,South Africans|Pretoria;Cape Town
South Korea|Republic of Korea,ROK|South Korean,South Koreans|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish,Spaniards|Madrid
Sri Lanka||Sri Lankan,Sri Lankans|Colombo
Sudan||Sudanese|Khartoum
Suriname||Surinamese|Paramaribo
Sweden||Swedish,Swedes|Stockholm
Switzerland||Swiss|Bern/Berne
Syria|Syrian Arab Republic|Syrian,Syrians|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan||Tajik,Tajiks|Dushanbe
Tanzania||Tanzanian,Tanzanians|Dodoma;Dar es Salaam
Thailand||Thai|Bangkok
Togo||Togolese|Lome/Lomé
Tonga||Tongan|Nukualofa
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian,Tunisians|Tunis
Turkey|Turkiye,Türkiye|Turkish,Turks|Ankara
Turkmenistan||Turkmen|Ashgabat
Tuvalu|||Funafuti
Uganda||Ugandan,Ugandans|Kampala
Ukraine|The Ukraine|Ukrainian,Ukrainians|Kyiv/Kiev
United Arab Emirates|UAE,U.A.E.,Emirates|Emirati,Emiratis|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
United States|United States of America,US,U.S.,USA,U.S.A.,America|American,Americans|Washington/Washington D.C./Washington DC
Uruguay||Uruguayan,Uruguayans|Montevideo
Uzbekistan||Uzbek,Uzbeks|Tashkent
Vanuatu|||Port Vila
Vatican|Vatican City,Holy See||
Venezuela||Venezuelan,Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Western Sahara|||
Yemen||Yemeni,Yemenis|Sanaa/Sana'a/Sana’a
Zambia||Zambian,Zambians|Lusaka
Zimbabwe||Zimbabwean,Zimbabweans|Harare
England||English|
Scotland||Scottish,Scots|Edinburgh
Wales||Welsh|Cardiff
Northern Ireland|||Belfast
Greenland||Greenlandic|Nuuk
Puerto Rico||Puerto Rican,Puerto Ricans|San Juan
Hong Kong|||
Macau|Macao||
";

/// Major cities that are not capitals of the countries above; `/` separates other spellings.
const CITIES: &str = "New York/New York City/NYC;Los Angeles;Chicago;Houston;Philadelphia;\
San Antonio;San Diego;Dallas;San Francisco;Boston;Seattle;Miami;Atlanta;Detroit;Denver;\
Las Vegas;New Orleans;Baltimore;Minneapolis;Cleveland;St. Louis/Saint Louis;Pittsburgh;\
Toronto;Montreal/Montréal;Vancouver;Calgary;Sao Paulo/São Paulo;Rio de Janeiro;Medellin/Medellín;\
Guadalajara;Monterrey;Manchester;Birmingham;Liverpool;Glasgow;Leeds;Marseille;Lyon;Hamburg;\
Munich;Frankfurt;Cologne;Barcelona;Valencia;Seville;Milan;Naples;Turin;Venice;Porto;Zurich;\
Geneva;Antwerp;Rotterdam;Krakow/Kraków;Gdansk/Gdańsk;Istanbul;Izmir;St. Petersburg/Saint Petersburg;\
Novosibirsk;Yekaterinburg;Vladivostok;Kharkiv/Kharkov;Odesa/Odessa;Lviv;Mariupol;Donetsk;Luhansk;\
Sevastopol;Tel Aviv;Haifa;Gaza City;Alexandria;Jeddah;Mecca/Makkah;Medina;Dubai;Basra;Mosul;\
Erbil;Aleppo;Homs;Kandahar;Karachi;Lahore;Peshawar;Mumbai/Bombay;Kolkata/Calcutta;\
Chennai/Madras;Bangalore/Bengaluru;Hyderabad;Delhi;Shanghai;Guangzhou;Shenzhen;Wuhan;\
Chengdu;Chongqing;Tianjin;Osaka;Kyoto;Busan;Ho Chi Minh City/Saigon;Yangon/Rangoon;\
Sydney;Melbourne;Brisbane;Auckland;Lagos;Kano;Johannesburg;Durban;Casablanca;Benghazi;\
Mombasa;Abidjan;Dar es Salaam;Almaty;Tabriz;Isfahan;Mashhad;Fallujah;Tikrit;Kirkuk;\
Hebron;Bethlehem;Nazareth;Goa;Macau;Davos;Cannes;Oxford;Cambridge";

/// US states.
const STATES: &str = "Alabama;Alaska;Arizona;Arkansas;California;Colorado;Connecticut;Delaware;\
Florida;Hawaii;Idaho;Illinois;Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;Maryland;\
Massachusetts;Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;New Hampshire;\
New Jersey;New Mexico;North Carolina;North Dakota;Ohio;Oklahoma;Oregon;Pennsylvania;\
Rhode Island;South Carolina;South Dakota;Tennessee;Texas;Utah;Vermont;Virginia;West Virginia;\
Wisconsin;Wyoming";

/// Regions, one per `;`: `Name/other names|demonyms`.
const REGIONS: &str = "Middle East|Middle Eastern;Near East;Far East;Europe|European,Europeans;\
Asia|Asian,Asians;Africa|African,Africans;North America|North American;\
South America|South American;Latin America|Latin American,Latin Americans;Central America;\
Caribbean;Oceania;Antarctica|Antarctic;Arctic;Balkans|Balkan;Caucasus;Scandinavia|Scandinavian;\
Persian Gulf/Arabian Gulf;Arabian Peninsula;Sahel;Sahara;Horn of Africa;Central Asia;\
Southeast Asia;South Asia;East Asia;Eastern Europe;Western Europe;Siberia|Siberian;\
Crimea|Crimean;Donbas/Donbass;Kashmir|Kashmiri;Tibet|Tibetan,Tibetans;Xinjiang;\
Kurdistan|Kurdish,Kurds;Gaza Strip/Gaza|Gazan,Gazans;West Bank;Golan Heights/Golan;Sinai;\
Levant;Mediterranean;Black Sea;Red Sea;Baltic Sea;Baltics;Atlantic;Pacific;Indian Ocean;\
Silicon Valley;Chechnya|Chechen,Chechens;Darfur;Patagonia;Amazon;Himalayas;Korean Peninsula;\
Taiwan Strait;Strait of Hormuz;South China Sea;Gulf of Mexico";

/// Place names that are also common first names: followed by a capitalized word, they start
/// a person's name rather than name a place ("Jordan Peterson").
pub(crate) const PERSONAL: &[&str] = &[
    "austin",
    "carolina",
    "chad",
    "chelsea",
    "dallas",
    "eugene",
    "florence",
    "georgia",
    "jackson",
    "jordan",
    "kent",
    "lincoln",
    "madison",
    "orlando",
    "paris",
    "regina",
    "santiago",
    "sofia",
    "sydney",
    "victoria",
    "virginia",
    "washington",
];

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Country,
    City,
    State,
    Region,
}

/// One gazetteer entry as a name or demonym reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The canonical name ("United States" for "U.S.", "Russia" for "Russian").
    pub canonical: &'static str,
    /// What kind of place.
    pub kind: PlaceKind,
    /// Whether the entry is a demonym ("Russian") rather than a name.
    pub demonym: bool,
}

/// The gazetteer: lower-cased name → place, and the most words any name has.
pub(crate) struct Gazetteer {
    pub names: HashMap<String, Place, FxBuild>,
    /// [`hash_str`] of the first word of each name (a final period dropped) → the most words
    /// a name starting with it has.
    pub starts: HashMap<u64, u8, FxBuild>,
}

fn key_of(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn add(g: &mut Gazetteer, name: &str, place: Place) {
    let key = key_of(name);
    if key.is_empty() {
        return;
    }
    let words = key.split(' ').count();
    if let Some(first) = key.split(' ').next() {
        let first = if first.len() > 1 {
            first.strip_suffix('.').unwrap_or(first)
        } else {
            first
        };
        let e = g.starts.entry(hash_str(first)).or_insert(1);
        *e = (*e).max(words.min(8) as u8);
    }
    // The first entry wins: a country's name over a city's of the same spelling.
    g.names.entry(key).or_insert(place);
}

/// The gazetteer, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer {
        names: HashMap::with_capacity_and_hasher(1400, FxBuild),
        starts: HashMap::with_capacity_and_hasher(1200, FxBuild),
    };
    let place = |canonical, kind, demonym| Place {
        canonical,
        kind,
        demonym,
    };
    let mut capitals: Vec<&'static str> = Vec::new();
    for line in COUNTRIES.lines() {
        let mut fields = line.split('|');
        let name = fields.next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        let others = fields.next().unwrap_or("");
        let demonyms = fields.next().unwrap_or("");
        let caps = fields.next().unwrap_or("");
        add(&mut g, name, place(name, PlaceKind::Country, false));
        for o in others.split(',').filter(|s| !s.is_empty()) {
            add(&mut g, o, place(name, PlaceKind::Country, false));
        }
        for d in demonyms.split(',').filter(|s| !s.is_empty()) {
            add(&mut g, d, place(name, PlaceKind::Country, true));
        }
        capitals.extend(caps.split(';').filter(|s| !s.is_empty()));
    }
    for group in capitals.into_iter().chain(CITIES.split(';')).map(str::trim) {
        let mut spellings = group.split('/').map(str::trim);
        let Some(canonical) = spellings.next().filter(|s| !s.is_empty()) else {
            continue;
        };
        add(&mut g, canonical, place(canonical, PlaceKind::City, false));
        for s in spellings {
            add(&mut g, s, place(canonical, PlaceKind::City, false));
        }
    }
    for s in STATES.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        add(&mut g, s, place(s, PlaceKind::State, false));
    }
    for entry in REGIONS.split(';').map(str::trim) {
        let (names, demonyms) = entry.split_once('|').unwrap_or((entry, ""));
        let mut spellings = names.split('/').map(str::trim);
        let Some(canonical) = spellings.next().filter(|s| !s.is_empty()) else {
            continue;
        };
        add(
            &mut g,
            canonical,
            place(canonical, PlaceKind::Region, false),
        );
        for s in spellings {
            add(&mut g, s, place(canonical, PlaceKind::Region, false));
        }
        for d in demonyms.split(',').filter(|s| !s.is_empty()) {
            add(&mut g, d, place(canonical, PlaceKind::Region, true));
        }
    }
    g
});

/// The place a lower-cased name (words joined by single spaces) names.
pub(crate) fn lookup(key: &str) -> Option<Place> {
    GAZETTEER.names.get(key).copied()
}

/// Whether the name is of a country, a state or a world region: a place that holds towns,
/// so that a happening placed there may be one placed in a town of it.
pub(crate) fn is_wide_place(name: &str) -> bool {
    lookup(&key_of(name)).is_some_and(|p| {
        matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::State | PlaceKind::Region
        )
    })
}

/// The country or region a demonym names ("Russian" → "Russia", "Palestinians" → "Palestine").
///
/// # Examples
///
/// ```
/// use dateline::entity::demonym_place;
///
/// assert_eq!(demonym_place("Russian"), Some("Russia"));
/// assert_eq!(demonym_place("Palestinians"), Some("Palestine"));
/// assert_eq!(demonym_place("Israeli"), Some("Israel"));
/// assert_eq!(demonym_place("North Korean"), Some("North Korea"));
/// assert_eq!(demonym_place("Moscow"), None);
/// ```
pub fn demonym_place(word: &str) -> Option<&'static str> {
    lookup(&key_of(word))
        .filter(|p| p.demonym)
        .map(|p| p.canonical)
}
