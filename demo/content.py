"""Demo content loaded by the `load_demo` management command."""

ORGANIZATIONS = [
    {
        "slug": "aide",
        "name": "AIDE",
        "full_name": "Actions interculturelles de développement et d'éducation",
        "intro": {
            "fr": (
                "L'AIDE accueille les personnes immigrantes dans la région de Coaticook. Elle "
                "organise des sorties, des ateliers de cuisine et des matchs de soccer pour les "
                "travailleurs des fermes des alentours. Son équipe parle français et espagnol."
            ),
            "es": (
                "AIDE recibe a las personas inmigrantes en la región de Coaticook. Organiza "
                "paseos, talleres de cocina y partidos de futbol para los trabajadores de las "
                "granjas de la zona. El equipo habla español y francés."
            ),
            "en": (
                "AIDE welcomes immigrants in the Coaticook area. It runs outings, cooking "
                "workshops and soccer games for workers on nearby farms. Its staff speak French "
                "and Spanish."
            ),
        },
        "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
        "municipality": "Coaticook",
        "region": "05",
        "phone": "+18195550142",
        "whatsapp": "+18195550143",
        "email": "info@aide.example",
        "languages": ["fr", "es"],
        "staff": {
            "username": "aide",
            "password": "aide-demo-2026",
            "first_name": "Mariela",
            "last_name": "Lévesque",
        },
    },
    {
        "slug": "sana",
        "name": "SANA",
        "full_name": "Service d'accueil des nouveaux arrivants",
        "intro": {
            "fr": (
                "Le SANA aide les nouveaux arrivants à s'installer à Shawinigan. Il organise des "
                "matchs de soccer amicaux entre gens d'ici et travailleurs agricoles, suivis d'un "
                "bon repas québécois. Il a aussi préparé une carte des commerces utiles et un "
                "petit lexique français-espagnol."
            ),
            "es": (
                "SANA ayuda a las personas recién llegadas a instalarse en Shawinigan. Organiza "
                "partidos amistosos de futbol entre gente de la ciudad y trabajadores del campo, "
                "con comida típica de Québec al final. También hizo un mapa de tiendas útiles y "
                "una lista de palabras en francés y español."
            ),
            "en": (
                "SANA helps newcomers settle in Shawinigan. It holds friendly soccer games between "
                "local people and farm workers, followed by a Québec-style meal. It also made a "
                "map of useful stores and a short French-Spanish word list."
            ),
        },
        "address": "750, avenue de la Station, Shawinigan, QC G9N 1V9",
        "municipality": "Shawinigan",
        "region": "04",
        "phone": "+18195550156",
        "whatsapp": "+18195550157",
        "email": "info@sana.example",
        "languages": ["fr", "es"],
        "staff": {
            "username": "sana",
            "password": "sana-demo-2026",
            "first_name": "Jean-François",
            "last_name": "Bellemare",
        },
    },
    {
        "slug": "caci",
        "name": "CACI",
        "full_name": "Centre d'appui aux communautés immigrantes",
        "intro": {
            "fr": (
                "Le CACI soutient les personnes immigrantes à Montréal, dans "
                "Bordeaux-Cartierville. Il offre de l'information sur les permis de travail, de "
                "l'aide juridique, de la traduction et de l'interprétation. Il organise aussi des "
                "activités pour les familles."
            ),
            "es": (
                "CACI apoya a las personas inmigrantes en Montréal, en el barrio de "
                "Bordeaux-Cartierville. Da información sobre permisos de trabajo, ayuda legal, "
                "traducción e interpretación. También organiza actividades para las familias."
            ),
            "en": (
                "CACI supports immigrants in the Bordeaux-Cartierville area of Montréal. It offers "
                "information on work permits, legal help, translation and interpretation. It also "
                "runs activities for families."
            ),
        },
        "address": "12 000, boulevard Laurentien, bureau 201, Montréal, QC H4K 1M7",
        "municipality": "Montréal (Bordeaux-Cartierville)",
        "region": "06",
        "phone": "+15145550168",
        "whatsapp": "+15145550169",
        "email": "info@caci.example",
        "languages": ["fr", "es", "en"],
        "staff": {
            "username": "caci",
            "password": "caci-demo-2026",
            "first_name": "Nadia",
            "last_name": "Haddad",
        },
    },
    {
        "slug": "amis-des-iles",
        "name": "Les Amis des Îles",
        "full_name": "Les Amis des Îles",
        "intro": {
            "fr": (
                "Les Amis des Îles est un groupe de bénévoles des Îles-de-la-Madeleine. Il "
                "accueille les travailleurs des usines de transformation des produits de la mer. "
                "Il les aide à trouver leurs repères et à rencontrer les gens d'ici."
            ),
            "es": (
                "Les Amis des Îles es un grupo de voluntarios de las Îles-de-la-Madeleine. Recibe "
                "a los trabajadores de las plantas de mariscos. Les ayuda a conocer las islas y a "
                "su gente."
            ),
            "en": (
                "Les Amis des Îles is a volunteer group on the Îles-de-la-Madeleine. It welcomes "
                "workers from the seafood plants. It helps them find their way around and meet "
                "local people."
            ),
        },
        "address": "380, chemin Principal, Cap-aux-Meules, Les Îles-de-la-Madeleine, QC G4T 1C9",
        "municipality": "Les Îles-de-la-Madeleine",
        "region": "11",
        "phone": "+14185550174",
        "whatsapp": "+14185550175",
        "email": "info@amisdesiles.example",
        "languages": ["fr", "es", "en"],
        "staff": {
            "username": "amis-des-iles",
            "password": "amis-des-iles-demo-2026",
            "first_name": "Josée",
            "last_name": "Arseneau",
        },
    },
]

EVENTS = [
    {
        "org": "aide",
        "slug": "randonnee-mont-pinacle",
        "category": "outing",
        "title": {
            "fr": "Randonnée au mont Pinacle",
            "es": "Caminata al mont Pinacle",
            "en": "Hike up mont Pinacle",
        },
        "summary": {
            "fr": (
                "Une randonnée en montagne avec une vue sur toute la région de Coaticook, "
                "transport inclus."
            ),
            "es": (
                "Una caminata al cerro con vista a toda la región de Coaticook, con transporte "
                "incluido."
            ),
            "en": (
                "A mountain hike with a view over the whole Coaticook area, with a ride there and "
                "back."
            ),
        },
        "description": {
            "fr": [
                (
                    "On monte ensemble le sentier du mont Pinacle, à notre rythme. La montée prend "
                    "environ une heure et demie. En haut, on prend le temps de regarder le paysage "
                    "et de prendre des photos."
                ),
                (
                    "On dîne au sommet ou au stationnement, selon la météo. Apportez votre lunch : "
                    "on fournit l'eau et les collations."
                ),
                (
                    "Une intervenante de l'AIDE qui parle espagnol accompagne le groupe toute la "
                    "journée."
                ),
            ],
            "es": [
                (
                    "Subimos juntos por el sendero del mont Pinacle, sin prisa. La subida dura más "
                    "o menos hora y media. Arriba hay tiempo para descansar, ver el paisaje y "
                    "tomar fotos."
                ),
                (
                    "Comemos arriba o en el estacionamiento, según el clima. Cada quien trae su "
                    "comida; nosotros llevamos agua y algo para picar."
                ),
                "Una persona del equipo de AIDE que habla español acompaña al grupo todo el día.",
            ],
            "en": [
                (
                    "We walk up the mont Pinacle trail together, at an easy pace. The climb takes "
                    "about an hour and a half. At the top, there is time to rest, enjoy the view "
                    "and take pictures."
                ),
                (
                    "We eat lunch at the top or in the parking lot, depending on the weather. "
                    "Bring your own lunch; we bring water and snacks."
                ),
                "A Spanish-speaking AIDE staff member stays with the group all day.",
            ],
        },
        "place": {
            "name": "Mont Pinacle (stationnement du sentier)",
            "address": "chemin Baldwin, Coaticook, QC J1A 2S4",
            "municipality": "Coaticook",
            "region": "05",
            "lat": 45.033,
            "lng": -71.869,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Le minibus fait trois arrêts. Soyez là cinq minutes avant l'heure : on ne "
                    "peut pas attendre longtemps."
                ),
                "es": (
                    "El transporte pasa por tres lugares. Llegue cinco minutos antes, por favor: "
                    "no podemos esperar mucho."
                ),
                "en": (
                    "The van makes three stops. Please be there five minutes early; we can't wait "
                    "long."
                ),
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Edwidge",
                        "es": "Iglesia de Sainte-Edwidge",
                        "en": "Sainte-Edwidge church",
                    },
                    "address": "route 251, Sainte-Edwidge-de-Clifton, QC J0B 2R0",
                    "lat": 45.202,
                    "lng": -71.687,
                    "time": "07:50",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Hôtel de ville de Compton",
                        "es": "Oficinas municipales de Compton",
                        "en": "Compton town hall",
                    },
                    "address": "chemin de Hatley, Compton, QC J0B 1L0",
                    "lat": 45.2335,
                    "lng": -71.8225,
                    "time": "08:10",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
                {
                    "name": {
                        "fr": "Bureau de l'AIDE",
                        "es": "Oficina de AIDE",
                        "en": "AIDE office",
                    },
                    "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
                    "time": "08:35",
                    "notes": {
                        "fr": "Sur le trottoir, devant la porte.",
                        "es": "En la banqueta, frente a la puerta.",
                        "en": "On the sidewalk by the front door.",
                    },
                },
            ],
        },
        "capacity": 20,
        "max_party": 4,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": (
                "Votre lunch, une bouteille d'eau et de bonnes chaussures. Habillez-vous selon la "
                "météo : tuque et mitaines s'il fait froid."
            ),
            "es": (
                "Su comida, una botella de agua y zapatos cómodos. Ropa según el clima: si hace "
                "frío, chamarra, gorro y guantes."
            ),
            "en": (
                "Your lunch, a water bottle and good shoes. Dress for the weather: hat and mittens "
                "if it's cold."
            ),
        },
        "accessibility": {
            "fr": (
                "Sentier en pente, avec des roches et des racines. Pas accessible en fauteuil "
                "roulant."
            ),
            "es": (
                "El sendero es de subida, con piedras y raíces. No es accesible en silla de ruedas."
            ),
            "en": "Steep trail with rocks and roots. Not wheelchair accessible.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 0,
            "start": "09:00",
            "end": "15:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "aide",
        "slug": "promenade-gorge-coaticook",
        "category": "outing",
        "title": {
            "fr": "Promenade au parc de la Gorge de Coaticook",
            "es": "Paseo en el parc de la Gorge de Coaticook",
            "en": "Walk in the parc de la Gorge de Coaticook",
        },
        "summary": {
            "fr": (
                "Une promenade facile dans la gorge, avec la grande passerelle suspendue au-dessus "
                "de la rivière."
            ),
            "es": (
                "Un paseo tranquilo por la barranca, cruzando el gran puente colgante sobre el río."
            ),
            "en": (
                "An easy walk through the gorge, across the big suspension bridge over the river."
            ),
        },
        "description": {
            "fr": [
                (
                    "On marche environ deux heures dans les sentiers du parc. On traverse la "
                    "passerelle suspendue, très haut au-dessus de la rivière Coaticook. Si vous "
                    "avez le vertige, un autre sentier fait le tour."
                ),
                (
                    "L'AIDE paie l'entrée au parc pour tout le monde. On finit avec un chocolat "
                    "chaud et une collation."
                ),
            ],
            "es": [
                (
                    "Caminamos unas dos horas por los senderos del parque. Cruzamos el puente "
                    "colgante, muy alto sobre el río Coaticook. Quien tenga miedo a las alturas "
                    "puede ir por otro camino."
                ),
                (
                    "AIDE paga la entrada al parque para todos. Al final hay chocolate caliente y "
                    "algo de comer."
                ),
            ],
            "en": [
                (
                    "We walk for about two hours on the park trails. We cross the suspension "
                    "bridge, high above the Coaticook River. If you are afraid of heights, another "
                    "trail goes around."
                ),
                (
                    "AIDE pays the park entrance for everyone. We finish with hot chocolate and a "
                    "snack."
                ),
            ],
        },
        "place": {
            "name": "Parc de la Gorge de Coaticook (accueil)",
            "address": "rue Michaud, Coaticook, QC J1A 1A9",
            "municipality": "Coaticook",
            "region": "05",
            "lat": 45.1425,
            "lng": -71.798,
        },
        "transport": {
            "provided": True,
            "bring_bike": True,
            "notes": {
                "fr": (
                    "Le parc est en ville. Si vous avez un vélo, venez à vélo : il y a un support "
                    "à vélos à l'accueil."
                ),
                "es": (
                    "El parque está en el pueblo. Si tiene bicicleta, puede venir en ella: en la "
                    "entrada hay dónde dejarla."
                ),
                "en": (
                    "The park is in town. If you have a bike, ride over; there is a bike rack at "
                    "the entrance."
                ),
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Edwidge",
                        "es": "Iglesia de Sainte-Edwidge",
                        "en": "Sainte-Edwidge church",
                    },
                    "address": "route 251, Sainte-Edwidge-de-Clifton, QC J0B 2R0",
                    "lat": 45.202,
                    "lng": -71.687,
                    "time": "12:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Hôtel de ville de Compton",
                        "es": "Oficinas municipales de Compton",
                        "en": "Compton town hall",
                    },
                    "address": "chemin de Hatley, Compton, QC J0B 1L0",
                    "lat": 45.2335,
                    "lng": -71.8225,
                    "time": "12:35",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 25,
        "max_party": 5,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": (
                "De bonnes chaussures et des vêtements chauds s'il fait froid. Les sentiers "
                "peuvent être glissants."
            ),
            "es": (
                "Zapatos cómodos y ropa abrigadora si hace frío. Los caminos pueden estar "
                "resbalosos."
            ),
            "en": "Good shoes, and warm clothes if it's cold. The trails can be slippery.",
        },
        "accessibility": {
            "fr": "Beaucoup d'escaliers et de pentes. La passerelle bouge un peu quand on marche.",
            "es": "Hay muchas escaleras y subidas. El puente se mueve un poco al caminar.",
            "en": "Many stairs and slopes. The bridge sways a little as you walk.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 0,
            "start": "13:00",
            "end": "16:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "aide",
        "slug": "peche-parc-decouverte-nature",
        "category": "outing",
        "title": {
            "fr": "Journée de pêche au Parc Découverte Nature",
            "es": "Día de pesca en el Parc Découverte Nature",
            "en": "Fishing day at Parc Découverte Nature",
        },
        "summary": {
            "fr": (
                "Une journée à pêcher la truite dans les étangs du parc, avec la canne et les "
                "appâts fournis."
            ),
            "es": (
                "Un día de pesca de trucha en los estanques del parque, con caña y carnada "
                "incluidas."
            ),
            "en": "A day of trout fishing in the park's ponds, with rods and bait included.",
        },
        "description": {
            "fr": [
                (
                    "On part tôt de Coaticook en minibus : la route dure environ deux heures. Au "
                    "parc, on pêche la truite dans des étangs. Pas besoin d'expérience, on vous "
                    "montre comment faire."
                ),
                (
                    "Le prix couvre la canne et les appâts. Vous pouvez rapporter vos poissons à "
                    "la maison. Si la météo le permet, on fait un feu pour dîner ensemble."
                ),
            ],
            "es": [
                (
                    "Salimos temprano de Coaticook en la camioneta; el camino es de unas dos "
                    "horas. En el parque se pesca trucha en estanques. No hace falta saber pescar: "
                    "ahí le enseñamos."
                ),
                (
                    "El precio incluye la caña y la carnada. Lo que pesque se lo puede llevar a "
                    "casa. Si el clima lo permite, hacemos una fogata para comer juntos."
                ),
            ],
            "en": [
                (
                    "We leave Coaticook early by van; the drive is about two hours. At the park, "
                    "you fish for trout in ponds. No experience needed: we'll show you how."
                ),
                (
                    "The price covers the rod and bait. You can take your fish home. If the "
                    "weather allows, we light a fire and eat lunch together."
                ),
            ],
        },
        "place": {
            "name": "Parc Découverte Nature",
            "address": "route Marie-Victorin, Baie-du-Febvre, QC J0G 1A0",
            "municipality": "Baie-du-Febvre",
            "region": "17",
            "lat": 46.13,
            "lng": -72.72,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Départ tôt, car le trajet dure environ deux heures. Retour à Coaticook vers "
                    "17 h."
                ),
                "es": (
                    "Salimos temprano porque el viaje es de unas dos horas. Regresamos a Coaticook "
                    "como a las 5 de la tarde."
                ),
                "en": "Early start: the drive is about two hours. Back in Coaticook around 5 p.m.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Bureau de l'AIDE",
                        "es": "Oficina de AIDE",
                        "en": "AIDE office",
                    },
                    "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
                    "time": "07:30",
                    "notes": {
                        "fr": "Sur le trottoir, devant la porte.",
                        "es": "En la banqueta, frente a la puerta.",
                        "en": "On the sidewalk by the front door.",
                    },
                },
                {
                    "name": {
                        "fr": "Hôtel de ville de Compton",
                        "es": "Oficinas municipales de Compton",
                        "en": "Compton town hall",
                    },
                    "address": "chemin de Hatley, Compton, QC J0B 1L0",
                    "lat": 45.2335,
                    "lng": -71.8225,
                    "time": "07:50",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 14,
        "max_party": 3,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": "5.00",
        "bring": {
            "fr": (
                "Votre lunch, de l'eau, des bottes et des vêtements chauds. Un sac pour rapporter "
                "le poisson."
            ),
            "es": "Su comida, agua, botas y ropa abrigadora. Una bolsa para llevarse el pescado.",
            "en": "Lunch, water, boots and warm clothes. A bag to take your fish home.",
        },
        "accessibility": {
            "fr": "Sentiers plats en gravier autour des étangs. Toilettes à l'accueil.",
            "es": "Caminos planos de grava alrededor de los estanques. Hay baños en la entrada.",
            "en": "Flat gravel paths around the ponds. Washrooms at the entrance.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 1,
            "start": "10:00",
            "end": "15:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "aide",
        "slug": "rodeo-ayers-cliff",
        "category": "outing",
        "title": {
            "fr": "Sortie au rodéo d'Ayer's Cliff",
            "es": "Paseo al rodeo de Ayer's Cliff",
            "en": "Trip to the Ayer's Cliff rodeo",
        },
        "summary": {
            "fr": (
                "Un après-midi au rodéo : chevaux, taureaux, musique country et casse-croûte sur "
                "place."
            ),
            "es": "Una tarde de rodeo con caballos, toros, música country y puestos de comida.",
            "en": "An afternoon at the rodeo: horses, bulls, country music and food stands.",
        },
        "description": {
            "fr": [
                (
                    "On va voir les cavaliers et les taureaux au rodéo d'Ayer's Cliff. C'est une "
                    "fête très populaire dans la région et une belle occasion de rencontrer du "
                    "monde."
                ),
                (
                    "Le prix comprend l'entrée. La nourriture n'est pas incluse : prévoyez un peu "
                    "d'argent si vous voulez manger sur place."
                ),
            ],
            "es": [
                (
                    "Vamos a ver a los jinetes y los toros en el rodeo de Ayer's Cliff. Es una "
                    "fiesta muy popular en la región. A muchos compañeros les gusta compararlo con "
                    "el jaripeo de su tierra."
                ),
                (
                    "El precio incluye la entrada. La comida no está incluida: lleve algo de "
                    "dinero si quiere comprar."
                ),
            ],
            "en": [
                (
                    "We go watch the riders and bulls at the Ayer's Cliff rodeo. It's a popular "
                    "local event and a good way to meet people."
                ),
                (
                    "The price includes your ticket. Food is not included, so bring a little cash "
                    "if you want to eat there."
                ),
            ],
        },
        "place": {
            "name": "Terrain de l'Expo Ayer's Cliff",
            "address": "rue Main, Ayer's Cliff, QC J0B 1C0",
            "municipality": "Ayer's Cliff",
            "region": "05",
            "lat": 45.17,
            "lng": -72.05,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Le minibus repart tout de suite après le spectacle.",
                "es": "La camioneta sale de regreso en cuanto termina el espectáculo.",
                "en": "The van leaves right after the show.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Bureau de l'AIDE",
                        "es": "Oficina de AIDE",
                        "en": "AIDE office",
                    },
                    "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
                    "time": "12:10",
                    "notes": {
                        "fr": "Sur le trottoir, devant la porte.",
                        "es": "En la banqueta, frente a la puerta.",
                        "en": "On the sidewalk by the front door.",
                    },
                },
                {
                    "name": {
                        "fr": "Hôtel de ville de Compton",
                        "es": "Oficinas municipales de Compton",
                        "en": "Compton town hall",
                    },
                    "address": "chemin de Hatley, Compton, QC J0B 1L0",
                    "lat": 45.2335,
                    "lng": -71.8225,
                    "time": "12:30",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 20,
        "max_party": 4,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": "10.00",
        "bring": {
            "fr": (
                "Un peu d'argent comptant pour manger. Des vêtements chauds : on est souvent "
                "dehors."
            ),
            "es": (
                "Un poco de efectivo para la comida. Ropa abrigadora: casi todo es al aire libre."
            ),
            "en": "Some cash for food. Warm clothes: much of it is outdoors.",
        },
        "accessibility": {
            "fr": "Gradins en bois avec des marches. Toilettes chimiques sur le terrain.",
            "es": "Gradas de madera con escalones. Hay baños portátiles.",
            "en": "Wooden bleachers with steps. Portable toilets on site.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 2,
            "start": "13:00",
            "end": "17:30",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "aide",
        "slug": "atelier-cuisine-collective",
        "category": "cooking",
        "title": {
            "fr": "Atelier de cuisine collective",
            "es": "Taller de cocina colectiva",
            "en": "Community cooking workshop",
        },
        "summary": {
            "fr": (
                "On cuisine ensemble des plats d'ici et de chez vous, et chacun repart avec des "
                "portions pour la semaine."
            ),
            "es": (
                "Cocinamos juntos platillos de aquí y de su tierra, y cada quien se lleva comida "
                "para la semana."
            ),
            "en": (
                "Cook Québec dishes and dishes from home together, then take meals home for the "
                "week."
            ),
        },
        "description": {
            "fr": [
                (
                    "Chaque dimanche, un petit groupe prépare trois ou quatre recettes. Une "
                    "semaine, c'est un classique québécois comme le pâté chinois; la suivante, "
                    "c'est une recette proposée par les participants."
                ),
                (
                    "Chaque personne repart avec des plats pour ses dîners de la semaine. Le prix "
                    "couvre une partie de l'épicerie."
                ),
                "Vous pouvez venir à une seule séance ou aux quatre.",
            ],
            "es": [
                (
                    "Cada domingo, un grupo pequeño prepara tres o cuatro recetas. Un día toca un "
                    "platillo de Québec, como el pâté chinois; otro día, una receta del grupo: "
                    "tamales, pepián o lo que quieran enseñar."
                ),
                (
                    "Cada persona se lleva comida para la semana. El precio ayuda a pagar parte "
                    "del mandado."
                ),
                "Puede venir a una sola sesión o a las cuatro.",
            ],
            "en": [
                (
                    "Every Sunday, a small group cooks three or four recipes. Some weeks it's a "
                    "Québec classic like pâté chinois; other weeks, a recipe chosen by the group."
                ),
                "Everyone takes home meals for the week. The price covers part of the groceries.",
                "Come to one session or all four.",
            ],
        },
        "place": {
            "name": "Cuisine communautaire de l'AIDE",
            "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
            "municipality": "Coaticook",
            "region": "05",
            "lat": 45.134,
            "lng": -71.805,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Retour vers 18 h, avec vos plats.",
                "es": "El regreso es como a las 6 de la tarde, con su comida.",
                "en": "We drive you back around 6 p.m., with your meals.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Edwidge",
                        "es": "Iglesia de Sainte-Edwidge",
                        "en": "Sainte-Edwidge church",
                    },
                    "address": "route 251, Sainte-Edwidge-de-Clifton, QC J0B 2R0",
                    "lat": 45.202,
                    "lng": -71.687,
                    "time": "13:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Hôtel de ville de Compton",
                        "es": "Oficinas municipales de Compton",
                        "en": "Compton town hall",
                    },
                    "address": "chemin de Hatley, Compton, QC J0B 1L0",
                    "lat": 45.2335,
                    "lng": -71.8225,
                    "time": "13:35",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 12,
        "max_party": 2,
        "waitlist": True,
        "group_rsvp": False,
        "languages": ["fr", "es"],
        "price": "3.00",
        "bring": {
            "fr": "Des contenants avec couvercle pour rapporter vos plats.",
            "es": "Recipientes con tapa (tuppers) para llevarse la comida.",
            "en": "Containers with lids to take your food home.",
        },
        "accessibility": {
            "fr": "Cuisine au rez-de-chaussée, sans marches.",
            "es": "La cocina está en la planta baja, sin escalones.",
            "en": "Ground-floor kitchen, no steps.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 1,
            "start": "14:00",
            "end": "17:30",
            "weekly_count": 4,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "aide",
        "slug": "atelier-velo",
        "category": "other",
        "title": {
            "fr": "Atelier vélo : réparations et sécurité",
            "es": "Taller de bicicleta: reparaciones y seguridad",
            "en": "Bike workshop: repairs and road safety",
        },
        "summary": {
            "fr": (
                "Apprenez à réparer une crevaison, à régler vos freins et à rouler prudemment sur "
                "les routes de campagne."
            ),
            "es": (
                "Aprenda a parchar una llanta, ajustar los frenos y andar seguro en bicicleta por "
                "la carretera."
            ),
            "en": "Learn to fix a flat, adjust your brakes and ride safely on country roads.",
        },
        "description": {
            "fr": [
                (
                    "L'AIDE a donné sept vélos à des travailleurs agricoles. Pour qu'ils durent, "
                    "on vous montre les réparations de base : crevaison, chaîne et freins."
                ),
                (
                    "On parle aussi de sécurité : lumières, vêtements voyants et règles de la "
                    "route. Chaque participant reçoit une lumière avant et une lumière arrière."
                ),
            ],
            "es": [
                (
                    "AIDE regaló siete bicicletas a trabajadores del campo. Para que duren, "
                    "enseñamos las reparaciones básicas: llanta ponchada, cadena y frenos."
                ),
                (
                    "También hablamos de seguridad: luces, ropa que se vea de lejos y reglas para "
                    "circular. Cada persona recibe luces para su bicicleta."
                ),
            ],
            "en": [
                (
                    "AIDE gave seven bikes to farm workers. To keep them rolling, we show you "
                    "basic repairs: flat tires, chains and brakes."
                ),
                (
                    "We also talk about safety: lights, bright clothing and the rules of the road. "
                    "Everyone gets a front and a rear light."
                ),
            ],
        },
        "place": {
            "name": "Bureau de l'AIDE (cour arrière)",
            "address": "85, rue Child, bureau 3, Coaticook, QC J1A 2B1",
            "municipality": "Coaticook",
            "region": "05",
            "lat": 45.134,
            "lng": -71.805,
        },
        "transport": {
            "provided": False,
            "bring_bike": True,
            "notes": {
                "fr": (
                    "Venez avec votre vélo. Pas de vélo? Écrivez-nous : on en prête quelques-uns "
                    "pour l'atelier."
                ),
                "es": (
                    "Venga en su bicicleta. Si no tiene, mándenos un mensaje: tenemos algunas para "
                    "prestar durante el taller."
                ),
                "en": (
                    "Come with your bike. No bike? Message us: we can lend a few for the workshop."
                ),
            },
            "pickups": [],
        },
        "capacity": 10,
        "max_party": 2,
        "waitlist": True,
        "group_rsvp": False,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": "Votre vélo, et votre casque si vous en avez un.",
            "es": "Su bicicleta y su casco, si tiene.",
            "en": "Your bike, and your helmet if you have one.",
        },
        "accessibility": {
            "fr": (
                "L'atelier a lieu dans la cour, sur du gravier. S'il pleut, on se met à l'abri à "
                "l'intérieur."
            ),
            "es": "Es en el patio, sobre grava. Si llueve, nos pasamos adentro.",
            "en": "Held in the yard, on gravel. We move indoors if it rains.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 2,
            "start": "10:00",
            "end": "12:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "sana",
        "slug": "soccer-amical-souper-quebecois",
        "category": "sport",
        "title": {
            "fr": "Soccer amical et souper québécois",
            "es": "Futbol amistoso y cena típica de Québec",
            "en": "Friendly soccer and Québec supper",
        },
        "summary": {
            "fr": (
                "Un match amical entre gens de Shawinigan et travailleurs agricoles, suivi d'un "
                "bon souper québécois."
            ),
            "es": (
                "Partido amistoso entre gente de Shawinigan y trabajadores del campo, y después "
                "una cena típica de Québec."
            ),
            "en": (
                "A friendly game between Shawinigan locals and farm workers, followed by a "
                "home-style Québec supper."
            ),
        },
        "description": {
            "fr": [
                (
                    "Chaque samedi, on forme des équipes mélangées : des gens de Shawinigan et des "
                    "travailleurs des fermes. Tout le monde joue, peu importe le niveau. On joue "
                    "au gymnase, beau temps, mauvais temps."
                ),
                (
                    "Après le match, on soupe ensemble : pâté chinois, tourtière et pouding "
                    "chômeur. C'est une bonne occasion de pratiquer son français et de se faire "
                    "des amis."
                ),
                "Venez une fois ou tous les samedis.",
            ],
            "es": [
                (
                    "Cada sábado armamos equipos mixtos con gente de Shawinigan y trabajadores de "
                    "las granjas. Todos juegan, no importa el nivel. El partido es en un gimnasio "
                    "techado, así que se juega con cualquier clima."
                ),
                (
                    "Después del partido cenamos juntos comida típica: pâté chinois, tourtière y "
                    "pouding chômeur. Es una buena ocasión para practicar el francés y hacer "
                    "amigos."
                ),
                "Puede venir un sábado o todos.",
            ],
            "en": [
                (
                    "Every Saturday we make mixed teams of Shawinigan locals and farm workers. "
                    "Everyone plays, whatever their level. The game is in a gym, so it goes ahead "
                    "in any weather."
                ),
                (
                    "After the game we eat supper together: pâté chinois, tourtière and pouding "
                    "chômeur. It's a good chance to practise French and make friends."
                ),
                "Come once or every Saturday.",
            ],
        },
        "place": {
            "name": "Gymnase du Centre récréatif Saint-Marc",
            "address": "avenue Saint-Marc, Shawinigan, QC G9N 2J4",
            "municipality": "Shawinigan",
            "region": "04",
            "lat": 46.556,
            "lng": -72.737,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Retour vers 19 h 30. Les producteurs peuvent aussi amener leur équipe "
                    "eux-mêmes."
                ),
                "es": (
                    "Regresamos como a las 7:30 de la noche. Los patrones también pueden traer a "
                    "su grupo en su vehículo."
                ),
                "en": (
                    "Rides home around 7:30 p.m. Farm owners are welcome to bring their crew "
                    "themselves."
                ),
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Saint-Boniface",
                        "es": "Iglesia de Saint-Boniface",
                        "en": "Saint-Boniface church",
                    },
                    "address": "rue Principale, Saint-Boniface, QC G0X 2L0",
                    "lat": 46.499,
                    "lng": -72.82,
                    "time": "13:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {"fr": "Bureau du SANA", "es": "Oficina de SANA", "en": "SANA office"},
                    "address": "750, avenue de la Station, Shawinigan, QC G9N 1V9",
                    "time": "13:40",
                    "notes": {
                        "fr": "Sur le trottoir, devant la porte.",
                        "es": "En la banqueta, frente a la puerta.",
                        "en": "On the sidewalk by the front door.",
                    },
                },
            ],
        },
        "capacity": None,
        "max_party": 10,
        "waitlist": False,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": (
                "Des espadrilles propres pour le gymnase, des vêtements de sport et une bouteille "
                "d'eau."
            ),
            "es": "Tenis limpios para el gimnasio, ropa deportiva y agua.",
            "en": "Clean indoor sneakers, sports clothes and a water bottle.",
        },
        "accessibility": {
            "fr": (
                "Gymnase et salle à manger au rez-de-chaussée. Vous pouvez aussi venir juste pour "
                "regarder."
            ),
            "es": (
                "El gimnasio y el comedor están en la planta baja. También se puede venir solo a "
                "mirar."
            ),
            "en": "Gym and dining room on the ground floor. You can also come just to watch.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 0,
            "start": "14:00",
            "end": "19:00",
            "weekly_count": 8,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "sana",
        "slug": "decouvrir-shawinigan",
        "category": "outing",
        "title": {
            "fr": "Découvrir Shawinigan : les commerces utiles",
            "es": "Conocer Shawinigan: tiendas y servicios",
            "en": "Discover Shawinigan: useful stores and services",
        },
        "summary": {
            "fr": (
                "Une marche au centre-ville avec notre carte : épicerie, pharmacie, friperie, "
                "bureau de poste et guichet automatique."
            ),
            "es": (
                "Un recorrido a pie por el centro con nuestro mapa: súper, farmacia, ropa de "
                "segunda, correos y cajero."
            ),
            "en": (
                "A walk downtown with our map: grocery store, pharmacy, thrift store, post office "
                "and bank machine."
            ),
        },
        "description": {
            "fr": [
                (
                    "On se promène au centre-ville, carte en main. On entre à l'épicerie, à la "
                    "pharmacie, à la friperie et au bureau de poste pour voir comment ça "
                    "fonctionne."
                ),
                (
                    "Au guichet automatique, on vous explique chaque écran avec notre affiche en "
                    "espagnol. Chaque personne reçoit la carte et le petit lexique "
                    "français-espagnol."
                ),
                (
                    "On termine au SANA avec un café. Ensuite, vous pouvez rester pour le match de "
                    "soccer de l'après-midi."
                ),
            ],
            "es": [
                (
                    "Caminamos juntos por el centro con el mapa en la mano. Entramos al súper, a "
                    "la farmacia, a la tienda de ropa de segunda y a la oficina de correos para "
                    "ver cómo funcionan."
                ),
                (
                    "En el cajero automático le explicamos cada pantalla con nuestro cartel en "
                    "español. Cada persona se lleva el mapa y una lista de palabras útiles en "
                    "francés y español."
                ),
                "Terminamos en SANA con un café. En la tarde puede quedarse al partido de futbol.",
            ],
            "en": [
                (
                    "We walk downtown together, map in hand. We stop at the grocery store, the "
                    "pharmacy, the thrift store and the post office to see how each one works."
                ),
                (
                    "At the bank machine, we go through each screen using our Spanish poster. "
                    "Everyone gets the map and a small French-Spanish word list."
                ),
                "We end at SANA with a coffee. You can then stay for the afternoon soccer game.",
            ],
        },
        "place": {
            "name": "Centre-ville de Shawinigan (départ au SANA)",
            "address": "750, avenue de la Station, Shawinigan, QC G9N 1V9",
            "municipality": "Shawinigan",
            "region": "04",
            "lat": 46.566,
            "lng": -72.745,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Retour vers 12 h 30. Si vous restez pour le soccer, le retour se fait après "
                    "le souper."
                ),
                "es": (
                    "Regresamos como a las 12:30. Si se queda al futbol, el regreso es después de "
                    "la cena."
                ),
                "en": (
                    "Rides home around 12:30 p.m. If you stay for soccer, your ride home is after "
                    "supper."
                ),
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Saint-Boniface",
                        "es": "Iglesia de Saint-Boniface",
                        "en": "Saint-Boniface church",
                    },
                    "address": "rue Principale, Saint-Boniface, QC G0X 2L0",
                    "lat": 46.499,
                    "lng": -72.82,
                    "time": "09:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Église de Saint-Étienne-des-Grès",
                        "es": "Iglesia de Saint-Étienne-des-Grès",
                        "en": "Saint-Étienne-des-Grès church",
                    },
                    "address": "rue Principale, Saint-Étienne-des-Grès, QC G0X 2P0",
                    "lat": 46.424,
                    "lng": -72.764,
                    "time": "09:30",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 15,
        "max_party": 4,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": (
                "Votre carte bancaire si vous voulez pratiquer au guichet. Des vêtements selon la "
                "météo."
            ),
            "es": "Su tarjeta del banco si quiere practicar en el cajero. Ropa según el clima.",
            "en": "Your bank card if you want to practise at the machine. Clothes for the weather.",
        },
        "accessibility": {
            "fr": "Environ 2 km de marche sur les trottoirs, avec des pauses.",
            "es": "Se caminan unos 2 km por la banqueta, con descansos.",
            "en": "About 2 km on sidewalks, with breaks.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 0,
            "start": "10:00",
            "end": "12:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "sana",
        "slug": "conversation-francais",
        "category": "french-class",
        "title": {
            "fr": "Café-conversation en français",
            "es": "Conversación en francés",
            "en": "French conversation group",
        },
        "summary": {
            "fr": (
                "On pratique le français de tous les jours en petit groupe : à l'épicerie, chez le "
                "médecin, au travail."
            ),
            "es": (
                "Práctica de francés para el día a día en grupo pequeño: en la tienda, con el "
                "doctor, en el trabajo."
            ),
            "en": (
                "Practise everyday French in a small group: at the store, at the doctor's, at work."
            ),
        },
        "description": {
            "fr": [
                (
                    "Chaque dimanche après-midi, on pratique le français avec des bénévoles de "
                    "Shawinigan. On apprend des phrases utiles pour la vie de tous les jours."
                ),
                (
                    "Pas besoin de savoir lire ou écrire : on parle, on joue et on rit. Les "
                    "débutants sont les bienvenus."
                ),
                (
                    "Chaque semaine a son thème : se présenter, faire l'épicerie, prendre "
                    "l'autobus, parler au patron, aller à la clinique."
                ),
            ],
            "es": [
                (
                    "Cada domingo en la tarde practicamos francés con voluntarios de Shawinigan. "
                    "Aprendemos frases útiles para el día a día."
                ),
                (
                    "No hace falta saber leer ni escribir: se aprende hablando, con juegos y buen "
                    "humor. Quienes apenas empiezan son bienvenidos."
                ),
                (
                    "Cada semana hay un tema: presentarse, hacer el mandado, tomar el autobús, "
                    "hablar con el patrón, ir a la clínica."
                ),
            ],
            "en": [
                (
                    "Every Sunday afternoon, we practise French with volunteers from Shawinigan. "
                    "You learn useful phrases for daily life."
                ),
                (
                    "You don't need to read or write: we talk, play games and laugh. Beginners are "
                    "welcome."
                ),
                (
                    "Each week has a theme: introducing yourself, grocery shopping, taking the "
                    "bus, talking to your boss, going to the clinic."
                ),
            ],
        },
        "place": {
            "name": "Bureau du SANA (salle de réunion)",
            "address": "750, avenue de la Station, Shawinigan, QC G9N 1V9",
            "municipality": "Shawinigan",
            "region": "04",
            "lat": 46.566,
            "lng": -72.745,
        },
        "transport": {
            "provided": False,
            "bring_bike": True,
            "notes": {
                "fr": (
                    "Pas de transport organisé : pensez au covoiturage avec vos collègues. Il y a "
                    "un support à vélos devant la porte."
                ),
                "es": (
                    "No hay transporte. Pónganse de acuerdo entre compañeros para venir juntos en "
                    "carro. Hay dónde dejar la bicicleta en la entrada."
                ),
                "en": (
                    "No transport provided. Try sharing a ride with coworkers. There is a bike "
                    "rack by the door."
                ),
            },
            "pickups": [],
        },
        "capacity": 12,
        "max_party": 2,
        "waitlist": True,
        "group_rsvp": False,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": "Un crayon. Le cahier est fourni.",
            "es": "Una pluma o un lápiz. El cuaderno se lo damos.",
            "en": "A pen. We provide the notebook.",
        },
        "accessibility": {
            "fr": "Salle au rez-de-chaussée. Toilettes accessibles.",
            "es": "Salón en la planta baja. Baño accesible.",
            "en": "Ground-floor room. Accessible washroom.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 0,
            "start": "14:00",
            "end": "15:30",
            "weekly_count": 8,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "sana",
        "slug": "clinique-sante-mobile",
        "category": "health-clinic",
        "title": {
            "fr": "Clinique de santé mobile",
            "es": "Clínica de salud móvil",
            "en": "Mobile health clinic",
        },
        "summary": {
            "fr": (
                "Une infirmière et une interprète répondent à vos questions de santé, gratuitement "
                "et en toute confidentialité."
            ),
            "es": (
                "Una enfermera y una intérprete atienden sus dudas de salud, gratis y de forma "
                "confidencial."
            ),
            "en": (
                "A nurse and an interpreter answer your health questions, free and in confidence."
            ),
        },
        "description": {
            "fr": [
                (
                    "Une infirmière vient rencontrer les travailleurs agricoles au SANA. Elle peut "
                    "prendre votre pression, regarder une petite blessure et vous dire où aller si "
                    "vous avez besoin d'un médecin."
                ),
                (
                    "On répond aussi aux questions sur la carte d'assurance maladie et les "
                    "assurances privées. Une interprète traduit en espagnol."
                ),
                "Tout reste confidentiel : rien n'est transmis à votre employeur.",
            ],
            "es": [
                (
                    "Una enfermera viene a SANA para atender a los trabajadores del campo. Puede "
                    "tomarle la presión, revisar una herida pequeña y decirle a dónde ir si "
                    "necesita un médico."
                ),
                (
                    "También resolvemos dudas sobre la tarjeta del seguro médico y el seguro "
                    "privado. Una intérprete traduce al español."
                ),
                "Todo es confidencial: no se le dice nada a su patrón.",
            ],
            "en": [
                (
                    "A nurse comes to SANA to see farm workers. She can check your blood pressure, "
                    "look at a small injury and tell you where to go if you need a doctor."
                ),
                (
                    "We also answer questions about the health insurance card and private "
                    "insurance. An interpreter translates into Spanish."
                ),
                "Everything stays confidential: nothing is shared with your employer.",
            ],
        },
        "place": {
            "name": "Bureau du SANA",
            "address": "750, avenue de la Station, Shawinigan, QC G9N 1V9",
            "municipality": "Shawinigan",
            "region": "04",
            "lat": 46.566,
            "lng": -72.745,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Vous pouvez arriver à n'importe quelle heure entre 10 h et 14 h. Le minibus "
                    "fait un retour à midi et un autre à 14 h."
                ),
                "es": (
                    "Puede llegar a cualquier hora entre las 10 y las 2. La camioneta regresa a "
                    "las 12 y a las 2."
                ),
                "en": (
                    "Come any time between 10 a.m. and 2 p.m. The van goes back at noon and at 2 "
                    "p.m."
                ),
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Bureau municipal de Saint-Mathieu-du-Parc",
                        "es": "Oficinas municipales de Saint-Mathieu-du-Parc",
                        "en": "Saint-Mathieu-du-Parc town office",
                    },
                    "address": "chemin Déziel, Saint-Mathieu-du-Parc, QC G0X 1N0",
                    "lat": 46.57,
                    "lng": -72.925,
                    "time": "09:00",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
                {
                    "name": {
                        "fr": "Église de Saint-Boniface",
                        "es": "Iglesia de Saint-Boniface",
                        "en": "Saint-Boniface church",
                    },
                    "address": "rue Principale, Saint-Boniface, QC G0X 2L0",
                    "lat": 46.499,
                    "lng": -72.82,
                    "time": "09:20",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Église de Saint-Étienne-des-Grès",
                        "es": "Iglesia de Saint-Étienne-des-Grès",
                        "en": "Saint-Étienne-des-Grès church",
                    },
                    "address": "rue Principale, Saint-Étienne-des-Grès, QC G0X 2P0",
                    "lat": 46.424,
                    "lng": -72.764,
                    "time": "09:35",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
            ],
        },
        "capacity": 30,
        "max_party": 2,
        "waitlist": True,
        "group_rsvp": False,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": "Vos médicaments et votre carte d'assurance, si vous en avez une.",
            "es": "Sus medicinas y su tarjeta del seguro, si tiene.",
            "en": "Your medicine, and your insurance card if you have one.",
        },
        "accessibility": {
            "fr": "Local au rez-de-chaussée. Une pièce fermée permet de parler en privé.",
            "es": "Es en la planta baja. Hay un cuarto cerrado para hablar en privado.",
            "en": "Ground floor. A closed room for private talks.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 2,
            "start": "10:00",
            "end": "14:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "caci",
        "slug": "seance-info-permis-travail",
        "category": "info-session",
        "title": {
            "fr": "Permis de travail : connaître vos droits",
            "es": "Permiso de trabajo: conozca sus derechos",
            "en": "Work permits: know your rights",
        },
        "summary": {
            "fr": (
                "Une séance claire sur vos droits au travail, suivie d'un dîner pour rencontrer "
                "d'autres travailleurs."
            ),
            "es": (
                "Una plática sobre sus derechos en el trabajo y, después, una comida para conocer "
                "a otros trabajadores."
            ),
            "en": "A clear talk on your rights at work, followed by lunch to meet other workers.",
        },
        "description": {
            "fr": [
                (
                    "Une avocate et une intervenante du CACI expliquent vos droits : salaire, "
                    "heures, logement, santé et sécurité. On parle aussi de ce qu'on peut faire si "
                    "on veut changer d'employeur."
                ),
                (
                    "La séance se donne en espagnol, avec un peu de français. Vous pouvez poser "
                    "vos questions par écrit, sans donner votre nom."
                ),
                (
                    "Ensuite, on dîne ensemble. La dernière fois, une cinquantaine de travailleurs "
                    "sont venus : c'est une belle occasion de créer des liens."
                ),
            ],
            "es": [
                (
                    "Una abogada y una persona del equipo de CACI explican sus derechos: sueldo, "
                    "horas, vivienda, salud y seguridad. También vemos qué se puede hacer si "
                    "quiere cambiar de patrón."
                ),
                (
                    "La plática es en español, con un poco de francés. Puede hacer sus preguntas "
                    "por escrito, sin dar su nombre."
                ),
                (
                    "Después comemos juntos. La vez pasada vinieron unos 50 trabajadores: es una "
                    "buena ocasión para conocer gente."
                ),
            ],
            "en": [
                (
                    "A lawyer and a CACI worker explain your rights: pay, hours, housing, health "
                    "and safety. We also cover what you can do if you want to change employers."
                ),
                (
                    "The session is in Spanish, with some French. You can ask questions in "
                    "writing, without giving your name."
                ),
                (
                    "Afterwards, we have lunch together. About 50 workers came last time, so it's "
                    "a good chance to meet people."
                ),
            ],
        },
        "place": {
            "name": "Salle communautaire du CACI",
            "address": "12 000, boulevard Laurentien, bureau 201, Montréal, QC H4K 1M7",
            "municipality": "Montréal",
            "region": "06",
            "lat": 45.535,
            "lng": -73.69,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Le minibus de Mirabel a 14 places : inscrivez-vous tôt.",
                "es": "La camioneta que sale de Mirabel tiene 14 lugares. Apúntese pronto.",
                "en": "The van from Mirabel has 14 seats, so sign up early.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Scholastique (Mirabel)",
                        "es": "Iglesia de Sainte-Scholastique (Mirabel)",
                        "en": "Sainte-Scholastique church (Mirabel)",
                    },
                    "address": "rue Saint-Vincent, Mirabel, QC J7N 1Y5",
                    "time": "08:45",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Station de métro Henri-Bourassa",
                        "es": "Estación de metro Henri-Bourassa",
                        "en": "Henri-Bourassa metro station",
                    },
                    "address": "boulevard Henri-Bourassa Est, Montréal, QC H2C 1H4",
                    "time": "09:30",
                    "notes": {
                        "fr": "Devant l'entrée du métro, côté boulevard.",
                        "es": "Frente a la entrada del metro, del lado del bulevar.",
                        "en": "In front of the metro entrance, on the boulevard side.",
                    },
                },
            ],
        },
        "capacity": 60,
        "max_party": 6,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es"],
        "price": None,
        "bring": {
            "fr": (
                "Vos questions. Votre permis de travail si vous voulez qu'on le regarde (une copie "
                "suffit)."
            ),
            "es": (
                "Sus preguntas. Su permiso de trabajo si quiere que lo revisemos (basta con una "
                "copia o una foto)."
            ),
            "en": (
                "Your questions. Your work permit if you want us to look at it (a copy or photo is "
                "fine)."
            ),
        },
        "accessibility": {
            "fr": "Salle accessible en fauteuil roulant. Interprétation en espagnol.",
            "es": "Salón accesible en silla de ruedas. Hay interpretación al español.",
            "en": "Wheelchair-accessible room. Spanish interpretation.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 0,
            "start": "10:00",
            "end": "13:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "caci",
        "slug": "clinique-juridique",
        "category": "legal-clinic",
        "title": {
            "fr": "Clinique juridique gratuite",
            "es": "Asesoría legal gratuita",
            "en": "Free legal clinic",
        },
        "summary": {
            "fr": (
                "Rencontrez une avocate pour une question de travail, d'immigration ou de "
                "logement, avec interprète au besoin."
            ),
            "es": (
                "Hable con una abogada sobre trabajo, migración o vivienda, con intérprete si hace "
                "falta."
            ),
            "en": (
                "Meet a lawyer about work, immigration or housing, with an interpreter if needed."
            ),
        },
        "description": {
            "fr": [
                (
                    "Des avocates bénévoles reçoivent chaque personne en privé, pendant environ 20 "
                    "minutes. Vous pouvez parler d'un problème au travail, d'un salaire impayé, de "
                    "votre permis ou de votre logement."
                ),
                "L'équipe du CACI interprète en espagnol ou en anglais. Tout reste confidentiel.",
                (
                    "Il vaut mieux réserver, mais on reçoit aussi les gens sans rendez-vous s'il "
                    "reste de la place."
                ),
            ],
            "es": [
                (
                    "Abogadas voluntarias atienden a cada persona en privado, unos 20 minutos. "
                    "Puede consultar un problema en el trabajo, un pago que no le hicieron, su "
                    "permiso o su vivienda."
                ),
                "El equipo de CACI traduce al español o al inglés. Todo es confidencial.",
                "Es mejor apartar su lugar, pero si hay espacio también atendemos sin cita.",
            ],
            "en": [
                (
                    "Volunteer lawyers meet each person in private for about 20 minutes. You can "
                    "ask about a problem at work, unpaid wages, your permit or your housing."
                ),
                "CACI staff can interpret in Spanish or English. Everything stays confidential.",
                "It's best to book, but walk-ins are welcome if there is room.",
            ],
        },
        "place": {
            "name": "Bureau du CACI",
            "address": "12 000, boulevard Laurentien, bureau 201, Montréal, QC H4K 1M7",
            "municipality": "Montréal",
            "region": "06",
            "lat": 45.535,
            "lng": -73.69,
        },
        "transport": {
            "provided": False,
            "bring_bike": False,
            "notes": {
                "fr": "Pas de transport organisé. Appelez-nous pour savoir quel autobus prendre.",
                "es": "No hay transporte. Llámenos y le decimos qué autobús tomar.",
                "en": "No transport provided. Call us and we'll tell you which bus to take.",
            },
            "pickups": [],
        },
        "capacity": 12,
        "max_party": 2,
        "waitlist": True,
        "group_rsvp": False,
        "languages": ["fr", "es", "en"],
        "price": None,
        "bring": {
            "fr": "Vos papiers : permis de travail, contrat, talons de paie, lettres reçues.",
            "es": (
                "Sus papeles: permiso de trabajo, contrato, talones de pago y cartas que haya "
                "recibido."
            ),
            "en": "Your papers: work permit, contract, pay stubs and any letters you received.",
        },
        "accessibility": {
            "fr": "Bureau au 2e étage, avec ascenseur.",
            "es": "La oficina está en el segundo piso. Hay elevador.",
            "en": "Second-floor office, with an elevator.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 1,
            "start": "10:00",
            "end": "14:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "caci",
        "slug": "pique-nique-bateau-mouche",
        "category": "outing",
        "title": {
            "fr": "Pique-nique en famille en bateau-mouche",
            "es": "Paseo en barco y comida en familia",
            "en": "Family picnic cruise on the Saint-Laurent",
        },
        "summary": {
            "fr": (
                "Une balade sur le fleuve Saint-Laurent avec pique-nique à bord, pour les "
                "travailleurs et leur famille."
            ),
            "es": (
                "Un paseo en barco por el río Saint-Laurent, con comida a bordo, para trabajadores "
                "y sus familias."
            ),
            "en": (
                "A boat ride on the Saint-Laurent River with a picnic on board, for workers and "
                "their families."
            ),
        },
        "description": {
            "fr": [
                (
                    "On embarque au Vieux-Port de Montréal pour une balade sur le fleuve. Du "
                    "bateau, on voit la ville, les ponts et les îles."
                ),
                (
                    "Le CACI apporte le pique-nique : sandwichs, fruits, jus et dessert. C'est 5 $ "
                    "par adulte et gratuit pour les enfants."
                ),
                (
                    "Les familles sont les bienvenues, tout comme les travailleurs qui viennent "
                    "seuls ou entre amis."
                ),
            ],
            "es": [
                (
                    "Subimos al barco en el Vieux-Port de Montréal para pasear por el río. Desde "
                    "el agua se ven la ciudad, los puentes y las islas."
                ),
                (
                    "CACI lleva la comida: sándwiches, fruta, jugo y postre. Cuesta 5 dólares por "
                    "adulto; los niños no pagan."
                ),
                "Pueden venir familias completas, y también quienes vienen solos o con amigos.",
            ],
            "en": [
                (
                    "We board at the Vieux-Port de Montréal for a ride on the river. From the "
                    "boat, you can see the city, the bridges and the islands."
                ),
                (
                    "CACI brings the picnic: sandwiches, fruit, juice and dessert. It costs $5 per "
                    "adult; children are free."
                ),
                "Families are welcome, and so are workers coming alone or with friends.",
            ],
        },
        "place": {
            "name": "Quai Jacques-Cartier (Bateau-Mouche)",
            "address": "rue de la Commune Est, Montréal, QC H2Y 2E2",
            "municipality": "Montréal",
            "region": "06",
            "lat": 45.507,
            "lng": -73.55,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": (
                    "Vous pouvez aussi venir en métro : station Champ-de-Mars, puis 10 minutes à "
                    "pied."
                ),
                "es": (
                    "También puede llegar en metro: estación Champ-de-Mars y luego 10 minutos "
                    "caminando."
                ),
                "en": "You can also take the metro to Champ-de-Mars station, then walk 10 minutes.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Scholastique (Mirabel)",
                        "es": "Iglesia de Sainte-Scholastique (Mirabel)",
                        "en": "Sainte-Scholastique church (Mirabel)",
                    },
                    "address": "rue Saint-Vincent, Mirabel, QC J7N 1Y5",
                    "time": "09:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {"fr": "Bureau du CACI", "es": "Oficina de CACI", "en": "CACI office"},
                    "address": "12 000, boulevard Laurentien, bureau 201, Montréal, QC H4K 1M7",
                    "time": "10:00",
                    "notes": {
                        "fr": "Sur le trottoir, devant la porte.",
                        "es": "En la banqueta, frente a la puerta.",
                        "en": "On the sidewalk by the front door.",
                    },
                },
            ],
        },
        "capacity": 40,
        "max_party": 6,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es", "en"],
        "price": "5.00",
        "bring": {
            "fr": "Un coupe-vent ou un chandail chaud : il fait frais sur l'eau.",
            "es": "Una chamarra o un suéter: en el agua hace fresco.",
            "en": "A jacket or warm sweater: it's cool on the water.",
        },
        "accessibility": {
            "fr": "Le pont principal est accessible en fauteuil roulant. Poussettes acceptées.",
            "es": "La cubierta principal es accesible en silla de ruedas. Se permiten carriolas.",
            "en": "The main deck is wheelchair accessible. Strollers welcome.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 1,
            "start": "11:00",
            "end": "15:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "caci",
        "slug": "salon-des-ressources",
        "category": "other",
        "title": {
            "fr": "Salon des ressources pour travailleurs",
            "es": "Feria de servicios para trabajadores",
            "en": "Resource fair for workers",
        },
        "summary": {
            "fr": (
                "Des consultants en immigration, des psychologues et des gens du réseau de la "
                "santé, tous au même endroit."
            ),
            "es": (
                "En un solo lugar: asesores de migración, psicólogos y personal del sistema de "
                "salud."
            ),
            "en": (
                "Meet immigration consultants, psychologists and health-system staff, all in one "
                "place."
            ),
        },
        "description": {
            "fr": [
                (
                    "Une vingtaine de kiosques vous attendent. Des consultants en immigration "
                    "réglementés répondent à vos questions sur les permis et la résidence "
                    "permanente."
                ),
                (
                    "Des psychologues parlent de stress, de solitude et de l'ennui de la famille. "
                    "Des gens du réseau de la santé expliquent comment voir un médecin ou une "
                    "infirmière."
                ),
                (
                    "Entrée libre, avec café et collations. Passez quand vous voulez pendant la "
                    "journée."
                ),
            ],
            "es": [
                (
                    "Habrá unos veinte puestos. Asesores de migración con licencia responden "
                    "preguntas sobre permisos y residencia permanente."
                ),
                (
                    "Psicólogos hablan del estrés, de la soledad y de cuando se extraña a la "
                    "familia. Personal del sistema de salud explica cómo ver a un médico o a una "
                    "enfermera."
                ),
                (
                    "La entrada es libre, con café y algo para picar. Puede llegar a la hora que "
                    "quiera."
                ),
            ],
            "en": [
                (
                    "About twenty booths will be there. Licensed immigration consultants answer "
                    "questions about permits and permanent residence."
                ),
                (
                    "Psychologists talk about stress, loneliness and missing your family. "
                    "Health-system staff explain how to see a doctor or a nurse."
                ),
                "Free entry, with coffee and snacks. Drop in any time during the day.",
            ],
        },
        "place": {
            "name": "Centre communautaire de Bordeaux-Cartierville (grande salle)",
            "address": "rue de Salaberry, Montréal, QC H4J 1J3",
            "municipality": "Montréal",
            "region": "06",
            "lat": 45.532,
            "lng": -73.701,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Un minibus part de Mirabel le matin et repart à 15 h 30.",
                "es": (
                    "Sale una camioneta de Mirabel en la mañana y regresa a las 3:30 de la tarde."
                ),
                "en": "A van leaves Mirabel in the morning and heads back at 3:30 p.m.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Scholastique (Mirabel)",
                        "es": "Iglesia de Sainte-Scholastique (Mirabel)",
                        "en": "Sainte-Scholastique church (Mirabel)",
                    },
                    "address": "rue Saint-Vincent, Mirabel, QC J7N 1Y5",
                    "time": "10:15",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
            ],
        },
        "capacity": None,
        "max_party": 10,
        "waitlist": False,
        "group_rsvp": True,
        "languages": ["fr", "es", "en"],
        "price": None,
        "bring": {
            "fr": "Vos questions. Écrivez-les sur un papier si c'est plus facile.",
            "es": "Sus preguntas. Si le ayuda, apúntelas en un papel.",
            "en": "Your questions. Write them down if that helps.",
        },
        "accessibility": {
            "fr": (
                "Salle au rez-de-chaussée, accessible en fauteuil roulant. Un coin calme est prévu."
            ),
            "es": (
                "Salón en la planta baja, accesible en silla de ruedas. Hay un rincón tranquilo "
                "para descansar."
            ),
            "en": "Ground floor, wheelchair accessible. A quiet corner is available.",
        },
        "schedule": {
            "weekday": 6,
            "week_offset": 2,
            "start": "11:00",
            "end": "16:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "caci",
        "slug": "fete-de-noel",
        "category": "celebration",
        "title": {
            "fr": "Fête de Noël du CACI",
            "es": "Posada navideña de CACI",
            "en": "CACI Christmas party",
        },
        "summary": {
            "fr": (
                "Un souper de Noël avec musique, piñata et cadeaux pour les enfants, pour finir "
                "l'année ensemble."
            ),
            "es": (
                "Cena navideña con música, piñata y regalos para los niños, para cerrar el año "
                "juntos."
            ),
            "en": (
                "A Christmas supper with music, a piñata and gifts for the kids, to end the year "
                "together."
            ),
        },
        "description": {
            "fr": [
                (
                    "Le CACI invite les travailleurs, les familles et les bénévoles à son souper "
                    "de Noël. Au menu : dinde, tourtière et plats apportés par les familles, comme "
                    "des tamales."
                ),
                (
                    "Il y aura de la musique, de la danse et une piñata. Le père Noël passe vers "
                    "19 h avec un cadeau pour chaque enfant inscrit."
                ),
                (
                    "Si vous voulez, apportez un plat de chez vous à partager. Ce n'est pas "
                    "obligatoire."
                ),
            ],
            "es": [
                (
                    "CACI invita a trabajadores, familias y voluntarios a su posada. En la cena "
                    "hay pavo, tourtière y platillos que traen las familias, como tamales y "
                    "ponche."
                ),
                (
                    "Habrá música, baile y piñata. Santa Claus llega como a las 7 con un regalo "
                    "para cada niño inscrito."
                ),
                "Si quiere, traiga un platillo de su tierra para compartir. No es obligatorio.",
            ],
            "en": [
                (
                    "CACI invites workers, families and volunteers to its Christmas supper. On the "
                    "menu: turkey, tourtière and dishes brought by families, like tamales."
                ),
                (
                    "There will be music, dancing and a piñata. Santa comes by around 7 p.m. with "
                    "a gift for each registered child."
                ),
                "If you like, bring a dish from home to share. It's not required.",
            ],
        },
        "place": {
            "name": "Centre communautaire de Bordeaux-Cartierville (grande salle)",
            "address": "rue de Salaberry, Montréal, QC H4J 1J3",
            "municipality": "Montréal",
            "region": "06",
            "lat": 45.532,
            "lng": -73.701,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Deux retours, à 21 h et à 22 h, aux mêmes arrêts.",
                "es": "Hay dos regresos, a las 9 y a las 10 de la noche, a los mismos lugares.",
                "en": "Two rides home, at 9 p.m. and 10 p.m., to the same stops.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Église de Sainte-Scholastique (Mirabel)",
                        "es": "Iglesia de Sainte-Scholastique (Mirabel)",
                        "en": "Sainte-Scholastique church (Mirabel)",
                    },
                    "address": "rue Saint-Vincent, Mirabel, QC J7N 1Y5",
                    "time": "15:50",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
                {
                    "name": {
                        "fr": "Église de Sainte-Dorothée (Laval)",
                        "es": "Iglesia de Sainte-Dorothée (Laval)",
                        "en": "Sainte-Dorothée church (Laval)",
                    },
                    "address": "rue Principale, Laval, QC H7X 3A4",
                    "time": "16:20",
                    "notes": {
                        "fr": "Dans le stationnement.",
                        "es": "En el estacionamiento.",
                        "en": "In the parking lot.",
                    },
                },
                {
                    "name": {
                        "fr": "Station de métro Henri-Bourassa",
                        "es": "Estación de metro Henri-Bourassa",
                        "en": "Henri-Bourassa metro station",
                    },
                    "address": "boulevard Henri-Bourassa Est, Montréal, QC H2C 1H4",
                    "time": "16:35",
                    "notes": {
                        "fr": "Devant l'entrée du métro, côté boulevard.",
                        "es": "Frente a la entrada del metro, del lado del bulevar.",
                        "en": "In front of the metro entrance, on the boulevard side.",
                    },
                },
            ],
        },
        "capacity": 120,
        "max_party": 8,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es", "en"],
        "price": None,
        "bring": {
            "fr": (
                "Un plat à partager, si vous voulez. À l'inscription, donnez le nom et l'âge de "
                "vos enfants."
            ),
            "es": (
                "Un platillo para compartir, si quiere. Al apuntarse, díganos el nombre y la edad "
                "de sus hijos."
            ),
            "en": (
                "A dish to share, if you like. When you sign up, give your children's names and "
                "ages."
            ),
        },
        "accessibility": {
            "fr": (
                "Salle accessible en fauteuil roulant. Un coin tranquille est prévu pour les "
                "petits."
            ),
            "es": (
                "Salón accesible en silla de ruedas. Hay un rincón tranquilo para los más pequeños."
            ),
            "en": "Wheelchair-accessible hall. A quiet corner for small children.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 2,
            "start": "17:00",
            "end": "22:00",
            "weekly_count": 1,
        },
        "timezone": "America/Toronto",
    },
    {
        "org": "amis-des-iles",
        "slug": "soiree-accueil-travailleurs-usines",
        "category": "celebration",
        "title": {
            "fr": "Soirée d'accueil des travailleurs des usines",
            "es": "Noche de bienvenida para trabajadores de las plantas",
            "en": "Welcome evening for seafood plant workers",
        },
        "summary": {
            "fr": (
                "Une soirée pour faire connaissance avec les gens des Îles : souper, musique "
                "traditionnelle et infos pratiques."
            ),
            "es": (
                "Una noche para conocer a la gente de las islas: cena, música tradicional e "
                "información práctica."
            ),
            "en": (
                "An evening to meet island people: supper, traditional music and practical "
                "information."
            ),
        },
        "description": {
            "fr": [
                (
                    "Les Amis des Îles accueillent les travailleurs des usines de produits de la "
                    "mer. On soupe ensemble : pot-en-pot, chaudrée de palourdes et dessert maison."
                ),
                (
                    "Des musiciens d'ici jouent des airs traditionnels. Des bénévoles présentent "
                    "les services utiles : épicerie, clinique, caisse, traversier et horaire de "
                    "l'autobus."
                ),
                "C'est aussi le moment de trouver quelqu'un avec qui pratiquer son français.",
            ],
            "es": [
                (
                    "Les Amis des Îles da la bienvenida a los trabajadores de las plantas de "
                    "mariscos. Cenamos juntos comida de las islas: pot-en-pot (un pastel de "
                    "mariscos), sopa de almejas y postre casero."
                ),
                (
                    "Músicos de aquí tocan música tradicional. Voluntarios explican los servicios "
                    "útiles: tiendas, clínica, banco, ferry y horarios del autobús."
                ),
                "También es un buen momento para encontrar a alguien con quien practicar francés.",
            ],
            "en": [
                (
                    "Les Amis des Îles welcomes workers from the seafood plants. We share supper: "
                    "pot-en-pot (a seafood pie), clam chowder and homemade dessert."
                ),
                (
                    "Local musicians play traditional tunes. Volunteers explain useful services: "
                    "stores, the clinic, the bank, the ferry and the bus schedule."
                ),
                "It's also a chance to find someone to practise French with.",
            ],
        },
        "place": {
            "name": "Salle communautaire de Cap-aux-Meules",
            "address": "chemin Principal, Cap-aux-Meules, Les Îles-de-la-Madeleine, QC G4T 1C9",
            "municipality": "Les Îles-de-la-Madeleine",
            "region": "11",
            "lat": 47.378,
            "lng": -61.862,
        },
        "transport": {
            "provided": True,
            "bring_bike": False,
            "notes": {
                "fr": "Retour vers 21 h 45, aux mêmes arrêts.",
                "es": "Regresamos como a las 9:45 de la noche, a los mismos lugares.",
                "en": "Rides back around 9:45 p.m., to the same stops.",
            },
            "pickups": [
                {
                    "name": {
                        "fr": "Stationnement du quai de Grande-Entrée",
                        "es": "Estacionamiento del muelle de Grande-Entrée",
                        "en": "Grande-Entrée wharf parking lot",
                    },
                    "address": (
                        "chemin du Quai, Grande-Entrée, Les Îles-de-la-Madeleine, QC G4T 7A1"
                    ),
                    "lat": 47.556,
                    "lng": -61.533,
                    "time": "17:05",
                    "notes": {
                        "fr": "Près de la capitainerie.",
                        "es": "Cerca de la oficina del puerto.",
                        "en": "Near the harbour office.",
                    },
                },
                {
                    "name": {
                        "fr": "Église de L'Étang-du-Nord",
                        "es": "Iglesia de L'Étang-du-Nord",
                        "en": "L'Étang-du-Nord church",
                    },
                    "address": "chemin de L'Étang-du-Nord, Les Îles-de-la-Madeleine, QC G4T 3B4",
                    "time": "17:40",
                    "notes": {
                        "fr": "Devant la porte principale.",
                        "es": "Frente a la puerta principal.",
                        "en": "In front of the main door.",
                    },
                },
            ],
        },
        "capacity": 80,
        "max_party": 10,
        "waitlist": True,
        "group_rsvp": True,
        "languages": ["fr", "es", "en"],
        "price": None,
        "bring": {
            "fr": "Votre bonne humeur, et un coupe-vent : ça vente fort aux Îles.",
            "es": "Ganas de convivir, y una chamarra: en las islas hace mucho viento.",
            "en": "Just a good mood, and a windbreaker: it's windy on the islands.",
        },
        "accessibility": {
            "fr": "Salle au rez-de-chaussée, accessible en fauteuil roulant.",
            "es": "Salón en la planta baja, accesible en silla de ruedas.",
            "en": "Ground-floor hall, wheelchair accessible.",
        },
        "schedule": {
            "weekday": 5,
            "week_offset": 0,
            "start": "18:00",
            "end": "21:30",
            "weekly_count": 1,
        },
        "timezone": "America/Halifax",
    },
]
