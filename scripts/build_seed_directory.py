#!/usr/bin/env python3
"""Build the sample Liverpool directory: data/directory/services.json (HSDS 3.0).

Local organisations and services are fictional sample data, labelled as such in
every record. The real helplines and programmes are built only from facts in
data/crisis_contacts.yml and the seed articles, never invented.

Deterministic: a fixed random seed, uuid5 ids, no clock reads, sorted output.
Running it twice gives a byte-identical file. Standard library only, so it runs
with any Python 3.10+.

    python scripts/build_seed_directory.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the directory package says which term marks sample data
from directory.data_status import SAMPLE_DATA  # noqa: E402

TAXONOMY_FILE = ROOT / "data" / "directory" / "taxonomy.json"
PLACES_FILE = ROOT / "data" / "geo" / "liverpool_places.csv"
CONTACTS_FILE = ROOT / "data" / "crisis_contacts.yml"
DEFAULT_OUT = ROOT / "data" / "directory" / "services.json"

SEED = 20260209  # first day of Children's Mental Health Week 2026
ID_BASE = "https://example.org/find-your-place/"
SAMPLE_ORG_PREFIX = "Sample organisation (fictional, for demonstration)."
SAMPLE_SUFFIX = "(Sample listing.)"
ASSURER = "directory-team@example.org"
# Ofcom reserves 0151 496 0000-0999 for drama, so these can never reach a real person.
DRAMA_PREFIX = "0151 496 0"
MAX_JITTER_M = 700.0
WARD_RADIUS_KM = 2.0
MIN_TEEN_SERVICES_PER_WARD = 5
MIN_SERVICES_PER_TERM = 4
TEEN_AGE = 13  # "serves 11-16 year olds" is read as: accepts a 13 year old

# --------------------------------------------------------------------------
# Fictional activity templates, one per taxonomy leaf term.
# names: (pattern, extra term codes implied by the name[, fixed age range]). {p} is the place.
# teen: age ranges that include 13; other: ranges for younger children or
# young adults. when: schedule kinds (see Builder.schedule). paid: (share paid,
# prices). extras: terms a session may also carry. org: sample org pool key or
# "self" (a small group that is its own organisation).
# Crisis support and CAMHS have no template: only real services carry them.
# --------------------------------------------------------------------------
# fmt: off
TEMPLATES: dict[str, dict[str, Any]] = {
    "football": {
        "names": [
            ("{p} Saturday Footy Club", []), ("{p} Street Football", []), ("{p} Futsal Nights", []),
            ("{p} Girls Football", ["girls_group"]), ("{p} Inclusive Football", ["send_inclusive"]),
            ("{p} Juniors FC", []),
        ],
        "blurb": [
            (
                "Friendly football for all abilities, with coaches who learn your name and a match at the end of every "
                "session."
            ),
            "Turn up, get a bib and join in: small-sided games where everyone gets a touch of the ball.",
            "Train together, play friendlies and be part of a team, whatever your level.",
        ],
        "venue": ["Sports pitch", "Community sports hall", "Park pitches"],
        "teen": [(11, 16), (12, 17), (10, 14), (13, 18), (11, 18)],
        "other": [(5, 11), (6, 10), (16, 25)],
        "when": ["eve", "sat", "sun"],
        "paid": (0.35, [1.0, 2.0, 2.5, 3.0]),
        "extras": ["send_inclusive", "anti_knife_crime", "mentoring"],
        "org": "sport",
    },
    "basketball": {
        "names": [
            ("{p} Hoops", []), ("{p} Ballers Basketball", []), ("{p} Streetball Sessions", []),
            ("{p} Girls Hoops", ["girls_group"]),
        ],
        "blurb": [
            "Basketball for beginners and ballers alike: drills, 3x3 and full games with friendly coaches.",
            "Shoot hoops, learn the moves and play in a team that looks out for each other.",
        ],
        "venue": ["Sports hall", "Outdoor courts"],
        "teen": [(11, 16), (12, 18), (13, 19), (11, 25)],
        "other": [(8, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.3, [1.5, 2.0, 3.0]),
        "extras": ["anti_knife_crime", "mentoring"],
        "org": "sport",
    },
    "boxing": {
        "names": [
            ("{p} Amateur Boxing Club", []), ("{p} Boxing Fitness", ["fitness"]),
            ("{p} Girls Boxing", ["girls_group"]), ("{p} Box Clever", []),
        ],
        "blurb": [
            (
                "Learn to box safely with experienced coaches: pads, skipping and fitness, no sparring until you are "
                "ready."
            ),
            "A boxing gym where discipline, respect and a good laugh matter as much as the training.",
        ],
        "venue": ["Boxing gym", "Community gym"],
        "teen": [(11, 16), (12, 18), (10, 16), (13, 25)],
        "other": [(8, 11), (16, 25)],
        "when": ["eve"],
        "paid": (0.45, [2.0, 3.0, 4.0]),
        "extras": ["mentoring", "anti_knife_crime", "fitness"],
        "org": "self",
    },
    "swimming": {
        "names": [("{p} Swim Club", []), ("{p} Teen Swim", []), ("{p} Splash Sessions", []), ("{p} Learn to Swim", [])],
        "blurb": [
            "Swimming lessons and fun sessions in small groups, from first strokes to club swimming.",
            "Relaxed pool sessions with lifeguards and coaches: improve your strokes or just enjoy the water.",
        ],
        "venue": ["Leisure centre pool"],
        "teen": [(10, 16), (11, 18), (8, 14)],
        "other": [(5, 10), (5, 8), (16, 25)],
        "when": ["after", "sat", "sun"],
        "paid": (0.6, [2.0, 2.5, 3.5]),
        "extras": ["send_inclusive"],
        "org": "sport",
    },
    "rugby": {
        "names": [("{p} Rugby League Juniors", []), ("{p} Tag Rugby", []), ("{p} Rugby Club Youth Section", [])],
        "blurb": [
            "Tag and contact rugby for beginners, with coaches who teach you to play safely and as a team.",
            "Rugby league training and friendly fixtures: no experience needed, just bring trainers.",
        ],
        "venue": ["Playing fields", "Rugby pitch"],
        "teen": [(11, 16), (12, 18)],
        "other": [(6, 11)],
        "when": ["eve", "sun"],
        "paid": (0.4, [2.0, 3.0]),
        "extras": ["girls_group"],
        "org": "sport",
    },
    "cricket": {
        "names": [("{p} Street Cricket", []), ("{p} Cricket Club Juniors", []), ("{p} Soft Ball Cricket", [])],
        "blurb": [
            "Fast, fun cricket with a soft ball: batting, bowling and quick games, all kit provided.",
            "Junior cricket training with friendly coaches and summer fixtures.",
        ],
        "venue": ["Sports hall", "Cricket ground"],
        "teen": [(11, 16), (8, 14), (12, 18)],
        "other": [(5, 11)],
        "when": ["eve", "sat"],
        "paid": (0.3, [1.0, 2.0]),
        "extras": ["culture"],
        "org": "sport",
    },
    "netball": {
        "names": [("{p} Netball", []), ("{p} Junior Netball Club", []), ("{p} Netball Nights", [])],
        "blurb": [
            "Netball training and friendly matches for all abilities, in a team that cheers each other on.",
            "Learn the positions, get fitter and play games every week.",
        ],
        "venue": ["Sports hall"],
        "teen": [(11, 16), (11, 18), (10, 14)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve"],
        "paid": (0.4, [1.5, 2.5]),
        "extras": ["girls_group"],
        "org": "sport",
    },
    "martial_arts": {
        "names": [
            ("{p} Karate Club", []), ("{p} Judo Juniors", []), ("{p} Taekwondo", []),
            ("{p} Self Defence for Teens", []), ("{p} Jiu-Jitsu Club", []),
        ],
        "blurb": [
            (
                "Martial arts with patient instructors: learn technique, self-control and confidence, and grade when "
                "you are ready."
            ),
            "Practise self defence and martial arts in a respectful club where beginners are welcome.",
        ],
        "venue": ["Dojo", "Community centre"],
        "teen": [(10, 16), (11, 18), (8, 14), (12, 25)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.6, [3.0, 4.0, 5.0]),
        "extras": ["fitness", "send_inclusive"],
        "org": "self",
    },
    "climbing": {
        "names": [("{p} Youth Climbing Club", []), ("{p} Bouldering Nights", []), ("{p} Climb Crew", [])],
        "blurb": [
            "Indoor climbing and bouldering with instructors: learn the ropes, set routes and push yourself.",
            "Climbing sessions where you try routes together and help each other up the wall.",
        ],
        "venue": ["Climbing wall"],
        "teen": [(11, 17), (12, 18), (10, 16)],
        "other": [(8, 11), (16, 25)],
        "when": ["eve", "sun"],
        "paid": (0.65, [4.0, 5.0]),
        "extras": ["send_inclusive", "nature"],
        "org": "sport",
    },
    "skating": {
        "names": [
            ("{p} Skate Jam", []), ("{p} Skatepark Sessions", []), ("{p} Roller Disco", []),
            ("{p} Scooter and BMX Club", []),
        ],
        "blurb": [
            "Skateboarding, scooters and BMX with coaches and boards to borrow: learn tricks and meet other skaters.",
            "A welcoming skate session for first-timers and regulars, with helmets and pads to borrow.",
        ],
        "venue": ["Skatepark", "Indoor skatepark"],
        "teen": [(10, 16), (11, 18), (8, 14)],
        "other": [(6, 11), (16, 25)],
        "when": ["eve", "sat", "sun"],
        "paid": (0.3, [2.0, 3.0]),
        "extras": ["girls_group"],
        "org": "self",
    },
    "cycling": {
        "names": [("{p} Bike Club", []), ("{p} Bike Fix and Ride", []), ("{p} Mountain Bike Juniors", [])],
        "blurb": [
            "Group rides, bike skills and learning to fix your own bike, with bikes to borrow.",
            "Learn to ride safely, fix punctures and explore the city's parks and paths together.",
        ],
        "venue": ["Community bike workshop", "Park"],
        "teen": [(10, 16), (11, 18)],
        "other": [(7, 11), (16, 25)],
        "when": ["sat", "eve"],
        "paid": (0.2, [2.0]),
        "extras": ["nature", "volunteering"],
        "org": "self",
    },
    "gymnastics": {
        "names": [
            ("{p} Gymnastics Club", []), ("{p} Parkour and Freerunning", []), ("{p} Cheer and Tumble", []),
            ("{p} Trampoline Club", []),
        ],
        "blurb": [
            "Gymnastics, tumbling and trampolining for all levels with qualified coaches.",
            "Learn rolls, jumps and flips safely and build up to your own routines.",
        ],
        "venue": ["Gymnastics centre", "Sports hall"],
        "teen": [(10, 16), (8, 14), (11, 18)],
        "other": [(5, 10), (5, 8), (6, 11)],
        "when": ["after", "sat"],
        "paid": (0.7, [3.0, 4.0, 5.0]),
        "extras": ["send_inclusive"],
        "org": "sport",
    },
    "athletics": {
        "names": [("{p} Running Club", []), ("{p} Junior Athletics", []), ("{p} Couch to 5k for Teens", [])],
        "blurb": [
            "Running and athletics for every pace: sprints, jumps, throws and group runs.",
            "Get running with friendly leaders who go at your speed and celebrate every personal best.",
        ],
        "venue": ["Athletics track", "Park"],
        "teen": [(11, 17), (10, 16), (13, 25)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.35, [1.0, 2.0]),
        "extras": ["fitness", "mental_health_support"],
        "org": "sport",
    },
    "fitness": {
        "names": [
            ("{p} Teen Gym", []), ("{p} Young People's Gym Sessions", []), ("{p} Fit Squad", []),
            ("{p} Girls Fitness", ["girls_group"]),
        ],
        "blurb": [
            "Supervised gym sessions for young people: learn to use the kit safely and get fitter with a trainer.",
            "Circuits, weights and fitness games in a friendly, no-judgement space.",
        ],
        "venue": ["Community gym", "Leisure centre gym"],
        "teen": [(13, 17), (12, 18), (13, 25)],
        "other": [(16, 25), (18, 25)],
        "when": ["eve", "sat"],
        "paid": (0.55, [1.5, 2.5, 3.0]),
        "extras": ["mental_health_support"],
        "org": "sport",
    },
    "dance": {
        "names": [
            ("{p} Street Dance Crew", []), ("{p} Dance Academy", []), ("{p} K-Pop Dance Club", []),
            ("{p} Hip Hop Dance", []), ("{p} Inclusive Dance", ["send_inclusive"]), ("{p} Bhangra Crew", ["culture"]),
        ],
        "blurb": [
            "Learn routines, make up your own and perform with a crew that has your back.",
            "Dance classes for every style and level, with showcases where you perform for family and friends.",
            "Street dance, commercial and K-pop routines taught step by step, with a chance to perform.",
        ],
        "venue": ["Dance studio", "Community centre"],
        "teen": [(11, 16), (10, 16), (12, 18), (8, 14)],
        "other": [(5, 11), (5, 8), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.5, [2.0, 3.0, 4.0]),
        "extras": ["send_inclusive", "girls_group"],
        "org": "arts",
    },
    "drama": {
        "names": [
            ("{p} Youth Theatre", []), ("{p} Drama Club", []), ("{p} Improv Crew", []),
            ("{p} Musical Theatre Club", ["music"]), ("{p} Relaxed Drama", ["send_inclusive"]),
        ],
        "blurb": [
            "Drama games, acting and putting on a show together: a place for theatre kids and first-timers.",
            "Act, write and perform your own plays with a group that becomes like family.",
            "Improv, scripts and stage skills, with a show at the end of every term.",
        ],
        "venue": ["Theatre studio", "Community centre", "Church hall"],
        "teen": [(11, 16), (10, 16), (12, 18), (13, 19)],
        "other": [(6, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.45, [2.0, 3.0, 4.0]),
        "extras": ["send_inclusive", "lgbtq", "writing"],
        "org": "arts",
    },
    "music": {
        "names": [
            ("{p} Beats Studio", []), ("{p} Young Musicians", []), ("{p} Rap and Lyrics Lab", ["writing"]),
            ("{p} Rock School", []), ("{p} Youth Choir", []), ("{p} DJ Academy", []),
        ],
        "blurb": [
            "Make beats, record your tracks and learn production in a real studio with producers who get it.",
            "Play in a band, learn an instrument or sing: instruments provided, no experience needed.",
            "Write lyrics, make music and perform at showcase nights with other young artists.",
        ],
        "venue": ["Music studio", "Youth centre", "Community centre"],
        "teen": [(11, 16), (12, 18), (13, 19), (11, 25), (10, 14)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.35, [2.0, 3.0, 5.0]),
        "extras": ["mentoring", "send_inclusive", "film"],
        "org": "arts",
    },
    "art": {
        "names": [
            ("{p} Art Club", []), ("{p} Manga and Anime Drawing", []), ("{p} Graffiti Art Project", []),
            ("{p} Young Artists Studio", []), ("{p} Comic Makers", ["writing"]),
        ],
        "blurb": [
            "Drawing, painting and making art together, with materials provided and artists on hand to help.",
            "Draw manga, design characters and make comics with other young artists.",
            "Try spray paint, stencils and murals on legal walls with experienced street artists.",
        ],
        "venue": ["Art studio", "Library", "Community centre"],
        "teen": [(11, 16), (10, 14), (12, 18), (11, 25)],
        "other": [(5, 11), (7, 11), (16, 25)],
        "when": ["eve", "sat", "after"],
        "paid": (0.35, [1.0, 2.0, 3.0]),
        "extras": ["send_inclusive", "mental_health_support", "crafts"],
        "org": "arts",
    },
    "photography": {
        "names": [("{p} Photo Club", []), ("{p} Phone Photography", []), ("{p} Young Photographers", [])],
        "blurb": [
            "Take great photos on your phone or a borrowed camera, edit them and show them in an exhibition.",
            "Photo walks around the area, editing skills and a friendly group to share your pictures with.",
        ],
        "venue": ["Library", "Arts centre"],
        "teen": [(11, 16), (12, 18), (13, 25)],
        "other": [(16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.3, [2.0, 3.0]),
        "extras": ["nature", "art"],
        "org": "arts",
    },
    "film": {
        "names": [("{p} Film Makers", []), ("{p} YouTube and Podcast Club", []), ("{p} Youth Media Lab", [])],
        "blurb": [
            "Make short films, YouTube videos and podcasts: write, shoot, edit and screen your work.",
            "Learn filming, editing and presenting with kit to borrow and a team to make things with.",
        ],
        "venue": ["Media studio", "Library"],
        "teen": [(11, 16), (12, 18), (13, 19), (13, 25)],
        "other": [(16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.35, [2.0, 3.0]),
        "extras": ["youth_voice", "coding"],
        "org": "arts",
    },
    "writing": {
        "names": [
            ("{p} Young Writers", []), ("{p} Spoken Word Collective", []), ("{p} Poetry Slam Club", []),
            ("{p} Zine Club", ["crafts"]),
        ],
        "blurb": [
            "Creative writing, poetry and spoken word, with open-mic nights to share your words if you want to.",
            "Write stories, poems and zines with a friendly group and a published writer to help.",
        ],
        "venue": ["Library", "Community centre"],
        "teen": [(11, 16), (12, 18), (13, 25)],
        "other": [(8, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.2, [2.0]),
        "extras": ["mental_health_support", "lgbtq"],
        "org": "arts",
    },
    "crafts": {
        "names": [("{p} Craft Club", []), ("{p} Sewing and Upcycling", []), ("{p} Makers Club", [])],
        "blurb": [
            "Sewing, knitting, jewellery and upcycling: make something to keep while you chat with friends.",
            "A calm, creative space to make things by hand, with all materials provided.",
        ],
        "venue": ["Community centre", "Library", "Church hall"],
        "teen": [(11, 16), (10, 14), (12, 18)],
        "other": [(5, 11), (16, 25)],
        "when": ["after", "sat", "eve"],
        "paid": (0.25, [1.0, 2.0]),
        "extras": ["mental_health_support", "send_inclusive"],
        "org": "arts",
    },
    "gaming": {
        "names": [
            ("{p} Gaming Club", []), ("{p} Esports Academy", []), ("{p} Game Night", []),
            ("{p} Minecraft Club", ["coding"]),
        ],
        "blurb": [
            "Play FIFA, Mario Kart, Fortnite and Minecraft with others, with tournaments and chat about games.",
            "An esports team to join: practise, compete in friendly leagues and learn teamwork and streaming.",
        ],
        "venue": ["Youth centre", "Library", "Gaming hub"],
        "teen": [(11, 16), (10, 14), (12, 18), (13, 19), (11, 25)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.3, [1.0, 2.0, 3.0]),
        "extras": ["send_inclusive", "youth_club", "coding"],
        "org": "digital",
    },
    "coding": {
        "names": [
            ("{p} Coding Night", []), ("{p} Robotics Club", []), ("{p} Game Makers", ["gaming"]),
            ("{p} Tech Girls", ["girls_group"]),
        ],
        "blurb": [
            "Learn to code by making games, apps and websites, with volunteers from the tech industry.",
            "Build and program robots, try Python and Scratch and work on projects with other young coders.",
        ],
        "venue": ["Library", "Community centre", "Digital hub"],
        "teen": [(11, 16), (10, 14), (12, 18), (11, 25)],
        "other": [(7, 11), (8, 11), (16, 25)],
        "when": ["eve", "after", "sat"],
        "paid": (0.2, [2.0, 3.0]),
        "extras": ["send_inclusive", "careers"],
        "org": "digital",
    },
    "cooking": {
        "names": [("{p} Cook and Eat", []), ("{p} Young Chefs", []), ("{p} Bake Club", []), ("{p} Teen Kitchen", [])],
        "blurb": [
            "Cook a meal together, learn easy recipes on a budget and sit down to eat it with everyone.",
            "Baking and cooking sessions where you take home what you make and learn skills for life.",
        ],
        "venue": ["Community kitchen", "Community centre", "Church hall"],
        "teen": [(11, 16), (12, 18), (13, 19), (10, 14)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve", "after"],
        "paid": (0.15, [1.0, 2.0]),
        "extras": ["youth_club", "refugee_support", "culture"],
        "org": "youth",
    },
    "homework_club": {
        "names": [("{p} Homework Club", []), ("{p} Study Space", []), ("{p} GCSE Revision Club", [])],
        "blurb": [
            "A quiet place to do homework with snacks, wifi and friendly volunteers who can help.",
            "Revision support and a calm space to study, with tutors for maths, English and science.",
        ],
        "venue": ["Library", "Community centre"],
        "teen": [(11, 16), (10, 14), (13, 17)],
        "other": [(7, 11), (5, 11)],
        "when": ["after"],
        "paid": (0.05, [1.0]),
        "extras": ["mentoring", "languages"],
        "org": "youth",
    },
    "languages": {
        "names": [
            ("{p} Young People's ESOL", []), ("{p} Conversation Club", []),
            ("{p} Sign Language Club", ["send_inclusive"]),
        ],
        "blurb": [
            "Practise English or learn a new language with games, conversation and friendly teachers.",
            "A relaxed language club where you learn by chatting, playing and making friends.",
        ],
        "venue": ["Library", "Community centre"],
        "teen": [(11, 16), (12, 18), (13, 25)],
        "other": [(16, 25), (7, 11)],
        "when": ["eve", "sat", "after"],
        "paid": (0.1, [2.0]),
        "extras": ["refugee_support", "culture"],
        "org": "youth",
    },
    "chess": {
        "names": [
            ("{p} Chess Club", []), ("{p} Board Games Night", []), ("{p} Dungeons and Dragons Club", ["writing"]),
        ],
        "blurb": [
            "Chess, board games and card games with people who love them, and teaching for beginners.",
            "Roll dice, plan campaigns and play tabletop games with a friendly crowd.",
        ],
        "venue": ["Library", "Community centre"],
        "teen": [(11, 16), (10, 16), (12, 18), (13, 25)],
        "other": [(7, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.15, [1.0, 2.0]),
        "extras": ["send_inclusive", "youth_club"],
        "org": "self",
    },
    "careers": {
        "names": [("{p} Jobs and Skills Hub", []), ("{p} Next Steps Club", []), ("{p} Apprenticeship Drop-in", [])],
        "blurb": [
            "Help with CVs, applications, interviews and apprenticeships from advisers who take time to listen.",
            "Find out about jobs, training and college options, and get practical help to take the next step.",
        ],
        "venue": ["Community centre", "Library"],
        "teen": [(13, 19), (13, 25)],
        "other": [(16, 25), (16, 21), (18, 25)],
        "when": ["day", "eve"],
        "paid": (0.0, []),
        "extras": ["mentoring", "volunteering"],
        "org": "youth",
    },
    "nature": {
        "names": [
            ("{p} Nature Club", []), ("{p} Young Gardeners", []), ("{p} Wild Explorers", []),
            ("{p} Outdoor Adventures", []),
        ],
        "blurb": [
            "Get outside: explore parks, build dens, grow food and spot wildlife with friendly leaders.",
            "Gardening, conservation and outdoor adventures, in all weathers, with waterproofs to borrow.",
        ],
        "venue": ["Park", "Community garden", "City farm"],
        "teen": [(10, 16), (11, 16), (12, 18), (8, 14)],
        "other": [(5, 11), (6, 10), (16, 25)],
        "when": ["sat", "sun", "after"],
        "paid": (0.2, [1.0, 2.0]),
        "extras": ["volunteering", "mental_health_support", "send_inclusive"],
        "org": "self",
    },
    "duke_of_edinburgh": {
        "names": [("{p} Expedition Group", []), ("{p} Outdoor Challenge Group", [])],
        "blurb": [
            "Plan and go on expeditions with a group, with volunteering, skills and physical activity along the way.",
            "Work towards an expedition award with leaders who help you plan every section.",
        ],
        "venue": ["Youth centre", "Community centre"],
        "teen": [(13, 18), (13, 24), (13, 17)],
        "other": [(16, 24)],
        "when": ["eve", "sat"],
        "paid": (0.5, [2.0, 3.0]),
        "extras": ["nature", "volunteering"],
        "org": "youth",
    },
    "youth_club": {
        "names": [
            ("{p} Youth Club", []), ("{p} Youth Centre Open Nights", []), ("{p} Friday Night Project", []),
            ("{p} Junior Youth Club", []), ("{p} Senior Youth Club", []), ("{p} Detached Youth Work", []),
        ],
        "blurb": [
            (
                "Somewhere warm and safe to hang out with friends: pool, music, games, food and youth workers you can "
                "trust."
            ),
            "Drop in, chill, play games and try new activities, with youth workers to talk to about anything.",
            "Open nights with sport, art, cooking and trips, run with young people's ideas.",
        ],
        "venue": ["Youth centre", "Community centre", "Church hall"],
        "teen": [(11, 16), (10, 16), (11, 18), (13, 19), (12, 17)],
        "other": [(7, 11), (5, 11), (16, 25)],
        "when": ["eve", "eve2", "fri"],
        "paid": (0.2, [0.5, 1.0]),
        "extras": ["mentoring", "cooking", "gaming", "anti_knife_crime"],
        "org": "youth",
    },
    "volunteering": {
        "names": [
            ("{p} Young Volunteers", []), ("{p} Community Action Crew", []), ("{p} Litter Pick Squad", ["nature"]),
        ],
        "blurb": [
            "Help out in your community, meet new people and build your CV, with certificates for your hours.",
            "Plan and run projects that make your area better, from food bank shifts to park clean-ups.",
        ],
        "venue": ["Community centre", "Church hall"],
        "teen": [(13, 18), (12, 18), (13, 25)],
        "other": [(16, 25), (18, 25)],
        "when": ["sat", "eve"],
        "paid": (0.0, []),
        "extras": ["youth_voice", "careers", "duke_of_edinburgh"],
        "org": "youth",
    },
    "uniformed_groups": {
        "names": [
            ("{p} Adventure Troop", []), ("{p} Girls' Adventure Troop", ["girls_group"]), ("{p} Fieldcraft Squad", []),
            ("{p} Water Skills Crew", []), ("{p} Little Adventurers", []),
        ],
        "blurb": [
            "Camping, badges, trips and adventures with a group that becomes a second family.",
            "Learn new skills, go on adventures and help your community, with uniform support available.",
        ],
        "venue": ["Troop hut", "Church hall", "Youth hut"],
        "teen": [(10, 14), (11, 18), (12, 18), (13, 18)],
        "other": [(6, 10), (5, 8), (7, 11)],
        "when": ["eve"],
        "paid": (0.6, [1.0, 1.5, 2.0]),
        "extras": ["nature", "duke_of_edinburgh"],
        "org": "self",
    },
    "youth_voice": {
        "names": [("{p} Youth Forum", []), ("{p} Young Advisers", []), ("{p} Change Makers", [])],
        "blurb": [
            "Have your say on what happens in your area: campaign, meet decision makers and make real changes.",
            "A group of young people who advise services and run campaigns on the things that matter to them.",
        ],
        "venue": ["Community centre", "Town hall meeting room"],
        "teen": [(11, 18), (12, 18), (13, 25)],
        "other": [(16, 25)],
        "when": ["eve"],
        "paid": (0.0, []),
        "extras": ["volunteering", "mental_health_support"],
        "org": "youth",
    },
    "holiday_club": {
        "names": [
            ("{p} Holiday Club", []), ("{p} School Holiday Fun Days", []),
            ("{p} Holiday Activities and Food", ["cooking"]),
        ],
        "blurb": [
            "Fun days in every school holiday: sports, crafts, trips and a free hot lunch.",
            "Holiday activities with a healthy meal, for children and young people who want something to do.",
        ],
        "venue": ["Community centre", "Sports hall", "Youth centre"],
        "teen": [(8, 14), (11, 16), (10, 16)],
        "other": [(5, 11), (5, 10)],
        "when": ["holiday"],
        "paid": (0.1, [3.0]),
        "extras": ["football", "crafts"],
        "org": "youth",
    },
    "lgbtq": {
        "names": [
            ("{p} Rainbow Youth", []), ("{p} Pride Youth Group", []), ("{p} Queer Creatives", ["art"]),
            ("{p} Trans and Non-Binary Youth", []),
        ],
        "blurb": [
            (
                "A safe, affirming group for LGBTQ+ young people and those questioning: chat, activities and trips "
                "with trained youth workers."
            ),
            "Meet other LGBTQ+ young people, be yourself and get support from staff who understand.",
        ],
        "venue": ["Youth centre", "Community centre", "Arts centre"],
        "teen": [(11, 18), (12, 18), (13, 19), (13, 25)],
        "other": [(16, 25), (18, 25)],
        "when": ["eve"],
        "paid": (0.0, []),
        "extras": ["peer_support", "mental_health_support", "drama"],
        "org": "identity",
    },
    "faith": {
        "names": [
            ("{p} Church Youth Fellowship", []), ("{p} Mosque Youth Circle", []), ("{p} Gurdwara Youth Group", []),
            ("{p} Interfaith Youth Forum", ["culture"]), ("{p} Synagogue Youth Club", []),
        ],
        "blurb": [
            (
                "A welcoming faith-based youth group: games, food, talk and trips, open to young people of any faith "
                "or none."
            ),
            "Meet friends, talk about life and faith, and get involved in community projects.",
        ],
        "venue": ["Place of worship hall", "Community hall"],
        "teen": [(11, 16), (11, 18), (12, 18), (13, 19)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "fri", "sun", "sat"],
        "paid": (0.05, [1.0]),
        "extras": ["culture", "volunteering", "mentoring"],
        "org": "self",
    },
    "culture": {
        "names": [
            ("{p} Black Youth Heritage Group", []), ("{p} Chinese Youth Club", []), ("{p} Somali Youth Circle", []),
            ("{p} Arabic Culture Club", ["languages"]), ("{p} Irish Dance and Culture", ["dance"]),
            ("{p} Caribbean Heritage Club", []),
        ],
        "blurb": [
            "Celebrate your heritage with music, food, language, stories and trips, in a group where you see yourself.",
            "A cultural youth group for young people to connect with their roots, share traditions and make friends.",
        ],
        "venue": ["Cultural centre", "Community centre"],
        "teen": [(11, 16), (11, 18), (12, 18), (10, 16)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "sat", "sun"],
        "paid": (0.15, [1.0, 2.0]),
        "extras": ["languages", "dance", "faith"],
        "org": "identity",
    },
    "send_inclusive": {
        "names": [
            ("{p} Inclusive Youth Club", ["youth_club"]), ("{p} SEND Sports Club", []),
            ("{p} Sensory Play and Chill", []), ("{p} Autism-Friendly Social", []), ("{p} Wheelchair Sports", []),
        ],
        "blurb": [
            (
                "Relaxed, SEND-inclusive sessions for autistic young people and those with additional needs: quiet "
                "space, visual timetables and patient staff."
            ),
            (
                "A social club where neurodivergent and disabled young people can have fun, try activities and make "
                "friends at their own pace."
            ),
        ],
        "venue": ["Community centre", "Sports hall", "Youth centre"],
        "teen": [(11, 18), (10, 16), (8, 14), (11, 25)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "sat"],
        "paid": (0.2, [1.0, 2.0]),
        "extras": ["youth_club", "fitness", "peer_support"],
        "org": "identity",
    },
    "young_carers": {
        "names": [("{p} Young Carers Club", []), ("{p} Young Carers Breaks", []), ("{p} Young Adult Carers Group", [])],
        "blurb": [
            "A break for young people who look after someone at home: trips, activities and time to be yourself.",
            "Meet other young carers who get it, with workers who can help at school and at home.",
        ],
        "venue": ["Community centre", "Youth centre"],
        "teen": [(8, 16), (11, 18), (10, 16)],
        "other": [(16, 25), (18, 25), (5, 11)],
        "when": ["eve", "sat"],
        "paid": (0.0, []),
        "extras": ["peer_support", "mental_health_support"],
        "org": "identity",
    },
    "care_experienced": {
        "names": [
            ("{p} Care Leavers Hub", []), ("{p} Care-Experienced Voices", ["youth_voice"]),
            ("{p} Care Experienced Youth Group", []),
        ],
        "blurb": [
            "A group run with care-experienced young people: food, activities and staff who stick around.",
            "Support, friendship and practical help for care leavers and young people in care, from people who listen.",
        ],
        "venue": ["Community centre", "Youth centre"],
        "teen": [(11, 18), (12, 18), (13, 25)],
        "other": [(16, 25), (18, 25)],
        "when": ["eve", "day"],
        "paid": (0.0, []),
        "extras": ["mentoring", "peer_support", "careers"],
        "org": "identity",
    },
    "refugee_support": {
        "names": [
            ("{p} Refugee Youth Welcome", []), ("{p} New Arrivals Youth Club", []), ("{p} Sanctuary Youth Group", []),
        ],
        "blurb": [
            (
                "A warm welcome for young refugees, asylum seekers and newly arrived families: English practice, "
                "activities and friends."
            ),
            "Meet other young people new to Liverpool, get help settling in and join trips and sports.",
        ],
        "venue": ["Community centre", "Church hall"],
        "teen": [(11, 18), (12, 18), (13, 25)],
        "other": [(16, 25), (5, 11)],
        "when": ["eve", "sat"],
        "paid": (0.0, []),
        "extras": ["languages", "culture", "football"],
        "org": "identity",
        "langs": [("Arabic", "ar"), ("Persian", "fa"), ("Kurdish", "ku"), ("Tigrinya", "ti")],
    },
    "girls_group": {
        "names": [("{p} Girls Club", []), ("{p} Girls Night", []), ("{p} Young Women's Group", [])],
        "blurb": [
            (
                "A girls-only space to try new things, talk about what matters and build confidence with trusted "
                "female youth workers."
            ),
            "Activities, trips and honest chats in a relaxed group just for girls and young women.",
        ],
        "venue": ["Youth centre", "Community centre"],
        "teen": [(11, 16), (11, 18), (12, 18), (13, 19)],
        "other": [(16, 25), (8, 11)],
        "when": ["eve"],
        "paid": (0.05, [1.0]),
        "extras": ["mental_health_support", "fitness", "peer_support"],
        "org": "youth",
    },
    "boys_group": {
        "names": [("{p} Boys Club", []), ("{p} Lads Talk", ["mental_health_support"]), ("{p} Young Men's Group", [])],
        "blurb": [
            "A boys' group with male role models: sport, food, trips and real talk about growing up.",
            "Activities and honest conversations for boys and young men, led by youth workers you can trust.",
        ],
        "venue": ["Youth centre", "Community centre"],
        "teen": [(11, 16), (11, 18), (12, 18), (13, 19)],
        "other": [(16, 25), (8, 11)],
        "when": ["eve"],
        "paid": (0.05, [1.0]),
        "extras": ["mentoring", "anti_knife_crime", "football"],
        "org": "youth",
    },
    "mentoring": {
        "names": [("{p} Mentoring Project", []), ("{p} Trusted Adults Mentoring", []), ("{p} Step Up Mentors", [])],
        "blurb": [
            "Meet a trained mentor every week to talk, set goals and try new things together.",
            "One-to-one mentoring with a trusted adult who helps with school, confidence and what comes next.",
        ],
        "venue": ["Community centre", "Youth centre"],
        "teen": [(10, 16), (11, 18), (13, 25)],
        "other": [(16, 25), (8, 11)],
        "when": ["eve", "after", "day"],
        "paid": (0.0, []),
        "extras": ["careers", "care_experienced", "boys_group"],
        "org": "support",
    },
    "peer_support": {
        "names": [
            ("{p} Peer Support Group", []), ("{p} Wellbeing Champions", ["youth_voice"]),
            ("{p} Calm Heads Together", ["mental_health_support"]),
        ],
        "blurb": [
            "Talk with other young people who understand, in a group led by trained peer mentors and a youth worker.",
            "Share experiences, support each other and learn ways to cope, with people your own age.",
        ],
        "venue": ["Youth centre", "Community centre", "Library"],
        "teen": [(11, 18), (12, 18), (13, 25)],
        "other": [(16, 25)],
        "when": ["eve"],
        "paid": (0.0, []),
        "extras": ["mental_health_support", "bullying_support", "lgbtq"],
        "org": "support",
    },
    "mental_health_support": {
        "names": [
            ("{p} Wellbeing Drop-in", []), ("{p} Worry Less Group", []), ("{p} Feel Good Project", []),
            ("{p} Steady Days Youth", []),
        ],
        "blurb": [
            (
                "A friendly drop-in for young people feeling stressed, anxious or low: someone to talk to and ideas "
                "that help."
            ),
            "Small groups to learn about feelings, manage worries and build confidence, run by trained staff.",
            "Walk and talk, creative activities and a listening ear for young people who are struggling.",
        ],
        "venue": ["Community centre", "Youth centre", "Health centre"],
        "teen": [(11, 18), (12, 18), (13, 25), (11, 16)],
        "other": [(16, 25), (18, 25)],
        "when": ["eve", "after", "day"],
        "paid": (0.0, []),
        "extras": ["peer_support", "counselling", "art"],
        "org": "support",
    },
    "counselling": {
        "names": [
            ("{p} Young People's Counselling", []), ("{p} Talking Space", []), ("{p} Listening Room", []),
        ],
        "blurb": [
            (
                "Free, confidential counselling with a qualified counsellor, face to face, usually for six to twelve "
                "sessions."
            ),
            "A safe space to talk through what is on your mind with a trained counsellor, at your own pace.",
        ],
        "venue": ["Counselling centre", "Community centre", "Health centre"],
        "teen": [(11, 18), (13, 25), (11, 16)],
        "other": [(16, 25), (18, 25)],
        "when": ["day", "eve"],
        "paid": (0.0, []),
        "extras": ["mental_health_support", "bereavement"],
        "org": "support",
    },
    "bereavement": {
        "names": [
            ("{p} Grief Support for Young People", []), ("{p} Remembering Together", []),
            ("{p} Loss and Hope Group", []),
        ],
        "blurb": [
            (
                "Support for children and young people after someone close has died: meet others who understand and "
                "talk when you are ready."
            ),
            (
                "A gentle group and one-to-one support to help young people cope with grief and remember the person "
                "they lost."
            ),
        ],
        "venue": ["Community centre", "Counselling centre"],
        "teen": [(8, 16), (11, 18), (13, 25)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "day"],
        "paid": (0.0, []),
        "extras": ["counselling", "peer_support"],
        "org": "support",
    },
    "bullying_support": {
        "names": [
            ("{p} Anti-Bullying Project", []), ("{p} Stand Together", []),
            ("{p} Online Safety and Bullying Drop-in", []),
        ],
        "blurb": [
            (
                "Help if you are being bullied in person or online: someone to talk to, practical steps and support at "
                "school."
            ),
            "Confidence-building sessions and support for young people affected by bullying, and advice for parents.",
        ],
        "venue": ["Youth centre", "Community centre"],
        "teen": [(9, 16), (11, 18), (10, 16)],
        "other": [(5, 11), (16, 25)],
        "when": ["eve", "after"],
        "paid": (0.0, []),
        "extras": ["peer_support", "mental_health_support", "parenting_support"],
        "org": "support",
    },
    "anti_knife_crime": {
        "names": [
            ("{p} Knives Down, Gloves Up", ["boxing"]), ("{p} Safe Streets Youth Project", []),
            ("{p} Choices Project", []), ("{p} Street Sport Nights", ["football"]),
        ],
        "blurb": [
            (
                "Youth workers and mentors who help young people stay safe, avoid violence and find something better "
                "to do."
            ),
            "Late-night sport and straight talk about knife crime and staying safe, led by people who have been there.",
        ],
        "venue": ["Youth centre", "Sports hall", "Community centre"],
        "teen": [(11, 18), (12, 18), (13, 25), (10, 16)],
        "other": [(16, 25)],
        "when": ["eve", "fri"],
        "paid": (0.0, []),
        "extras": ["mentoring", "boys_group", "youth_club"],
        "org": "support",
    },
    "family_hub": {
        "names": [
            ("{p} Families Drop-in", []), ("{p} Stay and Play", [], (0, 5)),
            ("{p} Parents' Drop-in", []),
        ],
        "blurb": [
            (
                "A welcoming drop-in for families with children aged 0 to 19 (up to 25 with SEND): stay and play, "
                "advice and support in one place."
            ),
            (
                "Drop in for parenting advice, baby and toddler groups, health visitor clinics and help with money, "
                "housing and school."
            ),
        ],
        "venue": ["Families centre"],
        "teen": [],
        "other": [(0, 19), (0, 25)],
        "when": ["day"],
        "paid": (0.0, []),
        "extras": ["parenting_support", "send_inclusive"],
        "org": "family",
    },
    "parenting_support": {
        "names": [
            ("{p} Parents Together", []), ("{p} Parenting Teens Course", []), ("{p} Dads Group", []),
            ("{p} SEND Parents Support Group", ["send_inclusive"]),
        ],
        "blurb": [
            "Parenting courses and peer support for parents and carers: share what works and feel less alone.",
            (
                "A friendly group for parents and carers worried about their child's mood, behaviour or school, with "
                "practical tips."
            ),
        ],
        "venue": ["Families centre", "Community centre"],
        "teen": [],
        "other": [(0, 18), (0, 11), (5, 16)],
        "when": ["day", "eve"],
        "paid": (0.0, []),
        "extras": ["family_hub", "mental_health_support"],
        "org": "family",
    },
}
# fmt: on

# Names that promise something specific get a description that keeps the promise.
NAMED_BLURBS: dict[str, str] = {
    "{p} Futsal Nights": (
        "Fast, skilful futsal indoors with a size-4 ball: small teams, lots of touches and friendly coaches."
    ),
    "{p} Street Football": (
        "Turn up and play: street football in a safe cage with youth workers, bibs and a ball for everyone."
    ),
    "{p} Box Clever": (
        "Boxing training plus time to talk: coaches who are also mentors, helping you keep your head when "
        "things get hard."
    ),
    "{p} Learn to Swim": (
        "Small-group swimming lessons for beginners, from getting used to the water to your first lengths."
    ),
    "{p} Self Defence for Teens": (
        "Practical self defence for teenagers: how to stay safe, stay calm and get away, taught by patient instructors."
    ),
    "{p} Roller Disco": (
        "Roller skating to music with skates to borrow and helpers to hold on to while you find your feet."
    ),
    "{p} Scooter and BMX Club": (
        "Scooter and BMX coaching at the park, with helmets to borrow and tricks for every level."
    ),
    "{p} Bike Fix and Ride": "Learn to fix punctures, brakes and gears, then head out on a group ride together.",
    "{p} Parkour and Freerunning": (
        "Learn to vault, climb and flow safely with parkour coaches, starting with the basics."
    ),
    "{p} Cheer and Tumble": (
        "Cheerleading and tumbling with stunts, jumps and routines, in a squad that lifts each other up."
    ),
    "{p} Trampoline Club": (
        "Bounce, learn new moves and build up to routines on full-size trampolines with qualified coaches."
    ),
    "{p} Couch to 5k for Teens": (
        "Go from walking to running 5k in nine weeks, with a friendly group that goes at your pace."
    ),
    "{p} K-Pop Dance Club": "Learn K-pop choreography step by step, film your dance covers and perform together.",
    "{p} Bhangra Crew": "High-energy bhangra dance to dhol beats, welcoming everyone whatever their background.",
    "{p} Hip Hop Dance": "Hip hop and street dance classes: grooves, freestyle and crew routines for all levels.",
    "{p} Musical Theatre Club": (
        "Sing, dance and act in musical theatre numbers, building up to a show for family and friends."
    ),
    "{p} Improv Crew": "Improv games and comedy where there are no wrong answers, just lots of laughs and new friends.",
    "{p} Beats Studio": (
        "Make beats, record your tracks and learn production in a real studio with producers who get it."
    ),
    "{p} Rap and Lyrics Lab": (
        "Write bars, find your flow and record your lyrics with artists who have done it themselves."
    ),
    "{p} Youth Choir": "Sing together in a friendly choir, from pop to gospel, with performances through the year.",
    "{p} DJ Academy": "Learn to mix on real decks, build sets and play out at youth events.",
    "{p} Rock School": "Join a band, learn guitar, bass, drums or vocals and play your first gig.",
    "{p} Manga and Anime Drawing": "Draw manga, design characters and make comics with other young artists.",
    "{p} Graffiti Art Project": "Try spray paint, stencils and murals on legal walls with experienced street artists.",
    "{p} Comic Makers": "Create your own comics: characters, stories and panels, with help from illustrators.",
    "{p} YouTube and Podcast Club": (
        "Plan, record and edit YouTube videos and podcasts, and learn how to stay safe online while you do it."
    ),
    "{p} Poetry Slam Club": (
        "Write and perform poetry, get feedback from other young poets and take part in friendly slams."
    ),
    "{p} Zine Club": "Make zines about anything you care about: write, draw, cut, stick and copy them to share.",
    "{p} Minecraft Club": "Build together in Minecraft, learn redstone and simple coding, and show off your worlds.",
    "{p} Esports Academy": (
        "An esports team to join: practise, compete in friendly leagues and learn teamwork and streaming."
    ),
    "{p} Robotics Club": (
        "Build and program robots, try Python and Scratch and work on projects with other young coders."
    ),
    "{p} Game Makers": "Design and code your own video games, from the first idea to a game your friends can play.",
    "{p} Tech Girls": (
        "Coding, robotics and digital making for girls, with women from the tech industry as role models."
    ),
    "{p} GCSE Revision Club": "Revision support and a calm space to study, with tutors for maths, English and science.",
    "{p} Sign Language Club": "Learn British Sign Language through games and conversation with a friendly tutor.",
    "{p} Dungeons and Dragons Club": "Roll dice, plan campaigns and play tabletop games with a friendly crowd.",
    "{p} Detached Youth Work": (
        "Youth workers who come to where you hang out: a friendly chat, advice and ideas for things to do."
    ),
    "{p} Litter Pick Squad": "Clean up parks and streets together, with pickers, gloves and a brew afterwards.",
    "{p} Fieldcraft Squad": (
        "Adventure training, first aid, fieldcraft and teamwork, with qualifications you can use later."
    ),
    "{p} Water Skills Crew": (
        "Sailing, paddling and seamanship, plus teamwork and qualifications, on and off the water."
    ),
    "{p} Little Adventurers": "Games, badges, camps and adventures for younger children, led by friendly volunteers.",
    "{p} Girls' Adventure Troop": "Adventures, badges, camps and a space to be yourself with other girls.",
    "{p} Trans and Non-Binary Youth": (
        "A space for trans, non-binary and questioning young people to meet, chill and be themselves, with "
        "youth workers who get it."
    ),
    "{p} Queer Creatives": (
        "Art, writing and performance with other LGBTQ+ young people, in a group where you can be exactly who you are."
    ),
    "{p} Church Youth Fellowship": (
        "A church youth group with games, food and honest chats about life and faith; everyone is welcome."
    ),
    "{p} Mosque Youth Circle": (
        "A youth circle at the mosque with sport, trips, talks and time with friends; everyone is welcome."
    ),
    "{p} Gurdwara Youth Group": "Seva, langar, games and trips with the gurdwara's youth group; open to everyone.",
    "{p} Interfaith Youth Forum": (
        "Young people of different faiths and none meet to talk, share food and work on projects together."
    ),
    "{p} Synagogue Youth Club": (
        "A synagogue youth club with games, trips and festivals; friends of any background welcome."
    ),
    "{p} Chinese Youth Club": "Lion dance, calligraphy, food and festivals with a Chinese community youth club.",
    "{p} Irish Dance and Culture": "Irish dancing, music and stories, with a ceili to look forward to every term.",
    "{p} Arabic Culture Club": (
        "Arabic language, calligraphy, food and stories, with friends who share your heritage or want to learn."
    ),
    "{p} Wheelchair Sports": (
        "Wheelchair basketball, boccia and more, with sports chairs to borrow and coaches who adapt every game."
    ),
    "{p} Sensory Play and Chill": (
        "A calm sensory room, music and play for children and young people who need a quieter space."
    ),
    "{p} SEND Sports Club": "Adapted sport for disabled and neurodivergent young people, at your own pace.",
    "{p} Care-Experienced Voices": (
        "Young people in care meet to have their say on how care works, and to have fun together."
    ),
    "{p} Lads Talk": "Football, food and real talk for boys and young men about feelings, pressure and growing up.",
    "{p} Wellbeing Champions": (
        "Train as a wellbeing champion to support other young people and run projects on mental health."
    ),
    "{p} Online Safety and Bullying Drop-in": (
        "Help with online bullying, group chats and social media, from youth workers who understand it."
    ),
    "{p} Knives Down, Gloves Up": (
        "Boxing training with mentors who talk straight about knives, gangs and staying safe."
    ),
    "{p} Street Sport Nights": (
        "Late-night football and sport in a safe place, with youth workers to talk to about staying safe."
    ),
    "{p} Stay and Play": (
        "Stay and play sessions for babies, toddlers and their grown-ups, with a cuppa and friendly staff."
    ),
    "{p} Dads Group": "A relaxed group for dads and male carers: share what works, ask questions and meet other dads.",
    "{p} SEND Parents Support Group": (
        "Parents and carers of children with SEND share advice, get help with EHCPs and support each other."
    ),
    "{p} Parenting Teens Course": (
        "A short course for parents of teenagers on talking, boundaries and staying close through the hard bits."
    ),
}

# Terms whose templates never take an "other" (younger/older) slot get more teen slots instead.
TEEN_WEIGHTS: dict[str, int] = {
    "football": 6,
    "youth_club": 8,
    "dance": 5,
    "music": 5,
    "drama": 5,
    "art": 5,
    "boxing": 5,
    "basketball": 5,
    "gaming": 5,
    "martial_arts": 4,
    "fitness": 4,
    "coding": 4,
    "cooking": 4,
    "mentoring": 4,
    "mental_health_support": 4,
    "girls_group": 4,
    "boys_group": 3,
    "homework_club": 4,
    "volunteering": 3,
    "swimming": 3,
    "send_inclusive": 4,
    "lgbtq": 3,
    "faith": 4,
    "culture": 4,
    "peer_support": 3,
    "anti_knife_crime": 3,
    "nature": 3,
    "skating": 3,
    "climbing": 3,
    "film": 3,
    "writing": 3,
    "chess": 3,
    "uniformed_groups": 3,
    "duke_of_edinburgh": 3,
    "youth_voice": 3,
    "rugby": 2,
    "cricket": 2,
    "netball": 2,
    "cycling": 2,
    "gymnastics": 2,
    "athletics": 3,
    "photography": 2,
    "crafts": 3,
    "languages": 2,
    "careers": 2,
    "holiday_club": 2,
    "young_carers": 3,
    "care_experienced": 2,
    "refugee_support": 3,
    "counselling": 3,
    "bereavement": 2,
    "bullying_support": 3,
}
OTHER_WEIGHTS: dict[str, int] = {
    "family_hub": 6,
    "parenting_support": 6,
    "football": 3,
    "swimming": 3,
    "dance": 3,
    "gymnastics": 3,
    "uniformed_groups": 3,
    "careers": 4,
    "care_experienced": 2,
    "young_carers": 2,
    "fitness": 3,
    "youth_club": 3,
    "art": 2,
    "drama": 2,
    "cooking": 1,
    "homework_club": 2,
    "nature": 2,
    "holiday_club": 1,
    "lgbtq": 2,
    "mental_health_support": 2,
    "counselling": 2,
    "coding": 1,
    "martial_arts": 1,
    "music": 1,
    "send_inclusive": 2,
    "volunteering": 1,
    "languages": 1,
    "refugee_support": 1,
    "bereavement": 1,
}

# Fictional umbrella organisations by kind and part of the city.
ORG_POOL: dict[str, dict[str, tuple[str, str]]] = {
    "sport": {
        "north": (
            "Northside Sport for All",
            "A community sport charity running clubs and sessions across north Liverpool.",
        ),
        "south": (
            "Southbank Community Sport",
            "A community sport trust running low-cost sport for young people in south Liverpool.",
        ),
        "east": (
            "Eastway Active Youth",
            "A sports development charity working with schools and parks in east Liverpool.",
        ),
        "central": ("City Active Young People", "A city-centre sport partnership offering free and low-cost sessions."),
        "outer": (
            "Merseyside Sample Sports Network",
            "A network of community sports clubs across the Liverpool City Region.",
        ),
    },
    "arts": {
        "north": (
            "Northern Lights Youth Arts",
            "A youth arts charity for music, drama, dance and art in north Liverpool.",
        ),
        "south": ("Riverlight Creative", "A creative arts organisation working with young people in south Liverpool."),
        "east": ("Paper Lantern Arts", "A community arts company running youth arts sessions in east Liverpool."),
        "central": ("Brightside Creative Youth", "A city-centre arts and media charity for young people."),
        "outer": (
            "Merseyside Sample Arts Collective",
            "A collective of youth arts groups across the Liverpool City Region.",
        ),
    },
    "digital": {
        "north": ("Pixel Street Digital", "A digital skills charity running coding and gaming clubs."),
        "south": ("Pixel Street Digital", "A digital skills charity running coding and gaming clubs."),
        "east": ("Level Up Youth Tech", "A community interest company running gaming and tech clubs for young people."),
        "central": (
            "Level Up Youth Tech",
            "A community interest company running gaming and tech clubs for young people.",
        ),
        "outer": (
            "Level Up Youth Tech",
            "A community interest company running gaming and tech clubs for young people.",
        ),
    },
    "youth": {
        "north": (
            "North End Youth Partnership",
            "A youth work charity running youth clubs and projects in north Liverpool.",
        ),
        "south": (
            "Southside Youth Collective",
            "A youth work charity running youth clubs and projects in south Liverpool.",
        ),
        "east": ("Eastfield Youth Network", "A youth work charity running youth clubs and projects in east Liverpool."),
        "central": ("City Centre Youth Trust", "A youth work charity running projects in and around the city centre."),
        "outer": ("Merseyside Sample Youth Alliance", "An alliance of youth clubs across the Liverpool City Region."),
    },
    "identity": {
        "north": (
            "Belonging Together North",
            "A charity running identity-affirming groups for young people who are often left out.",
        ),
        "south": ("Welcome Wave Youth", "A charity running welcoming groups for young people of every background."),
        "east": (
            "Belonging Together East",
            "A charity running identity-affirming groups for young people who are often left out.",
        ),
        "central": (
            "Open Arms Youth Liverpool",
            "A city-wide charity for LGBTQ+, SEND, young carer and refugee young people.",
        ),
        "outer": (
            "Merseyside Sample Inclusion Network",
            "A network of inclusive youth groups across the Liverpool City Region.",
        ),
    },
    "support": {
        "north": (
            "Safe Harbour Youth Wellbeing",
            "A youth wellbeing charity offering mentoring, groups and counselling.",
        ),
        "south": ("Kind Minds Youth Support", "A youth wellbeing charity offering mentoring, groups and counselling."),
        "east": (
            "Steady Ground Young People's Service",
            "A youth support charity offering mentoring and wellbeing groups.",
        ),
        "central": ("Talk It Through Liverpool", "A city-centre youth counselling and wellbeing charity."),
        "outer": (
            "Merseyside Sample Wellbeing Network",
            "A network of youth wellbeing services across the Liverpool City Region.",
        ),
    },
    "family": {
        "north": (
            "Sample Families Network",
            "A network of family drop-ins offering help for families with children aged 0 to 19.",
        ),
        "south": (
            "Sample Families Network",
            "A network of family drop-ins offering help for families with children aged 0 to 19.",
        ),
        "east": (
            "Sample Families Network",
            "A network of family drop-ins offering help for families with children aged 0 to 19.",
        ),
        "central": (
            "Sample Families Network",
            "A network of family drop-ins offering help for families with children aged 0 to 19.",
        ),
        "outer": (
            "Sample Families Network",
            "A network of family drop-ins offering help for families with children aged 0 to 19.",
        ),
    },
}

STREETS = [
    "Church Road",
    "Park Road",
    "High Street",
    "Station Road",
    "Mill Lane",
    "Green Lane",
    "School Lane",
    "Victoria Road",
    "Grove Street",
    "Chapel Street",
    "Market Street",
    "Brook Road",
    "Elm Avenue",
    "Oak Road",
    "Beech Street",
    "Cedar Grove",
    "Field Lane",
    "Orchard Way",
    "Meadow Lane",
    "Bridge Street",
]

# Short names read better in a club's name than the full ward names.
SHORT_PLACE = {
    "Tuebrook Breckside Park": "Tuebrook",
    "Tuebrook Larkhill": "Larkhill",
    "Knotty Ash & Dovecot Park": "Dovecot",
    "Much Woolton & Hunts Cross": "Hunts Cross",
    "West Derby Deysbrook": "Deysbrook",
    "West Derby Leyfield": "Leyfield",
    "West Derby Muirhead": "Muirhead",
    "Croxteth Country Park": "Croxteth Park",
    "Grassendale & Cressington": "Grassendale",
    "Kensington & Fairfield": "Kensington",
    "Wavertree Garden Suburb": "Wavertree Garden Suburb",
    "Tuebrook and Stoneycroft": "Stoneycroft",
    "Allerton and Hunts Cross": "Allerton",
    "Church": "Church Ward",
    "Speke-Garston": "Speke",
    "Central": "Liverpool City Centre",
}
# Merseyside places outside the city that also get a few sample services.
OUTER_PLACES = [
    "Bootle",
    "Litherland",
    "Crosby",
    "Waterloo",
    "Netherton",
    "Aintree",
    "Kirkby",
    "Huyton",
    "Roby",
    "Prescot",
    "Halewood",
    "Birkenhead",
    "Wallasey",
    "New Brighton",
    "Rock Ferry",
    "St Helens",
    "Maghull",
    "Formby",
    "Southport",
    "Whiston",
    "Liverpool",
]

DAY_NAMES = {
    "MO": "Mondays",
    "TU": "Tuesdays",
    "WE": "Wednesdays",
    "TH": "Thursdays",
    "FR": "Fridays",
    "SA": "Saturdays",
    "SU": "Sundays",
}
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    lat: float
    lon: float
    outcode: str

    @property
    def short(self) -> str:
        return SHORT_PLACE.get(self.name, self.name.split(" & ")[0])


def uid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, ID_BASE + "/".join(parts)))


def term_id(code: str) -> str:
    return uid("taxonomy", code)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def jitter(rng: random.Random, lat: float, lon: float) -> tuple[float, float]:
    # sqrt keeps points evenly spread over the disc instead of bunched at the centre.
    dist = MAX_JITTER_M * math.sqrt(rng.random())
    bearing = rng.random() * 2 * math.pi
    dlat = dist * math.cos(bearing) / 111_320.0
    dlon = dist * math.sin(bearing) / (111_320.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def clock(hhmm: str) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


def add_minutes(hhmm: str, minutes: int) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    total = h * 60 + m + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def days_text(byday: str) -> str:
    days = byday.split(",")
    if days == WEEKDAYS:
        return "Monday to Friday"
    names = [DAY_NAMES[d] for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def load_places() -> list[Place]:
    with PLACES_FILE.open(newline="", encoding="utf-8") as fh:
        return [
            Place(r["name"], r["kind"], float(r["latitude"]), float(r["longitude"]), r["outcode"])
            for r in csv.DictReader(fh)
        ]


def load_taxonomy() -> dict[str, dict[str, Any]]:
    doc = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return {t["code"]: t for t in doc["terms"]}


def sample_term_id() -> str:
    """The "Sample data" term of the data-status taxonomy, which every fictional listing carries."""
    doc = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return next(t["id"] for t in doc["status_taxonomy"]["terms"] if t["code"] == SAMPLE_DATA)


def parse_contacts_yaml(text: str) -> dict[str, dict[str, str]]:
    """Just enough YAML for crisis_contacts.yml: lists of flat mappings under top-level keys.

    PyYAML is not in the project venv, and this file's shape is fixed and simple.
    Returns contacts by "contacts:<id>", resources by "resources:<name>" and top-level
    scalars such as `checked` by their key (under "value").
    """
    out: dict[str, dict[str, str]] = {}
    section = ""
    item: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if not line.startswith(" "):
            section, _, scalar = line.partition(":")
            if scalar.strip():
                out[section] = {"value": scalar.strip()}
            item = None
            continue
        if section not in ("contacts", "resources"):
            continue
        stripped = line.strip()
        if stripped.startswith("- "):
            item = {}
            stripped = stripped[2:]
        key, _, value = stripped.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        assert item is not None
        item[key.strip()] = value
        ident = item.get("id") or item.get("name")
        if ident:
            out[f"{section}:{ident}"] = item
    return out


def area_of(place: Place, city: Place) -> str:
    """Which part of the city a place is in, to pick a plausible local umbrella organisation."""
    if place.kind in ("neighbourhood", "town") and place != city:
        return "outer"
    if haversine_km(place.lat, place.lon, city.lat, city.lon) <= 2.5:
        return "central"
    if place.lat >= 53.425:
        return "north"
    return "south" if place.lat < 53.392 else "east"


class Builder:
    """Accumulates services, organisations and the phone numbers already used."""

    def __init__(self, rng: random.Random, terms: dict[str, dict[str, Any]], city: Place) -> None:
        self.rng = rng
        self.terms = terms
        self.city = city
        self.services: list[dict[str, Any]] = []
        self.names: set[str] = set()
        self.phone_pool = [f"{DRAMA_PREFIX}{n:03d}" for n in rng.sample(range(1000), 1000)]
        self.term_counts: Counter[str] = Counter()
        self.sample_term = sample_term_id()

    # -- pieces -------------------------------------------------------------
    def schedule(
        self, key: str, kind: str, *, valid_from: str, valid_to: str | None = None, note: str = ""
    ) -> dict[str, Any]:
        rng = self.rng
        if kind == "eve":
            byday, opens, length = (
                rng.choice(WEEKDAYS),
                rng.choice(["17:00", "17:30", "18:00", "18:30", "19:00"]),
                rng.choice([90, 120]),
            )
        elif kind == "eve2":
            byday, opens, length = rng.choice(["MO,WE", "TU,TH", "WE,FR"]), rng.choice(["18:00", "18:30", "19:00"]), 120
        elif kind == "fri":
            byday, opens, length = "FR", rng.choice(["18:00", "19:00"]), rng.choice([120, 150])
        elif kind == "after":
            byday, opens, length = rng.choice(WEEKDAYS), rng.choice(["15:30", "16:00", "16:30"]), rng.choice([60, 90])
        elif kind == "sat":
            byday, opens, length = "SA", rng.choice(["10:00", "10:30", "11:00", "13:00"]), rng.choice([90, 120])
        elif kind == "sun":
            byday, opens, length = "SU", rng.choice(["10:00", "11:00", "13:00", "14:00"]), rng.choice([90, 120])
        elif kind == "weekend":
            byday, opens, length = "SA,SU", rng.choice(["10:00", "11:00"]), 180
        elif kind == "day":
            byday, opens, length = rng.choice(
                [
                    (",".join(WEEKDAYS), "09:00", 480),
                    ("TU", "10:00", 120),
                    ("TH", "13:00", 180),
                    (",".join(WEEKDAYS), "09:30", 420),
                    ("WE", "10:00", 90),
                ]
            )
        elif kind == "holiday":
            byday, opens, length = ",".join(WEEKDAYS), "10:00", 300
        else:
            raise ValueError(kind)
        closes = add_minutes(opens, length)
        sched: dict[str, Any] = {
            "id": uid(key, "schedule", "0"),
            "freq": "WEEKLY",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "valid_from": valid_from,
        }
        if valid_to:
            sched["valid_to"] = valid_to
        sched["description"] = f"{days_text(byday)} {clock(opens)} to {clock(closes)}{note}"
        return sched

    def costs(self, key: str, paid: tuple[float, list[float]]) -> tuple[list[dict[str, Any]], str]:
        share, prices = paid
        if not prices or self.rng.random() >= share:
            fees = self.rng.choice(
                ["Free.", "Free, just turn up.", "Free. Snacks provided.", "Free; booking helps us plan."]
            )
            return [
                {
                    "id": uid(key, "cost", "0"),
                    "option": "Free",
                    "currency": "GBP",
                    "amount": 0,
                    "amount_description": "Free",
                }
            ], fees
        amount = self.rng.choice(prices)
        money = f"£{amount:.2f}"
        fees = f"{money} a session. Ask about free places if cost is a barrier."
        return [
            {
                "id": uid(key, "cost", "0"),
                "option": "Per session",
                "currency": "GBP",
                "amount": amount,
                "amount_description": f"{money} a session",
            }
        ], fees

    def org(self, pool: str, place: Place, own_name: str) -> dict[str, Any]:
        if pool == "self":
            name, about = own_name, f"A community-run group based in {place.short}."
        else:
            name, about = ORG_POOL[pool][area_of(place, self.city)]
        slug = slugify(name)
        return {
            "id": uid("sample", "organization", slug),
            "name": name,
            "description": f"{SAMPLE_ORG_PREFIX} {about}",
            "website": f"https://example.org/sample/{slug}",
            "email": f"{slug[:50].strip('-')}@example.org",
        }

    def physical(self, key: str, place: Place, venue: str) -> dict[str, Any]:
        lat, lon = jitter(self.rng, place.lat, place.lon)
        city = self.city.name if place.kind in ("ward", "district") else place.name
        loc_id = uid(key, "location", "0")
        return {
            "id": uid(key, "service_at_location", "0"),
            "location": {
                "id": loc_id,
                "location_type": "physical",
                "name": f"{venue} in {place.short} (sample venue)",
                "latitude": lat,
                "longitude": lon,
                "addresses": [
                    {
                        "id": uid(key, "address", "0"),
                        "address_1": f"Sample venue, {self.rng.choice(STREETS)}",
                        "city": city,
                        "state_province": "Merseyside",
                        "postal_code": place.outcode,
                        "country": "GB",
                        "address_type": "physical",
                    }
                ],
            },
        }

    @staticmethod
    def virtual(key: str, name: str, url: str | None = None) -> dict[str, Any]:
        loc: dict[str, Any] = {"id": uid(key, "location", "0"), "location_type": "virtual", "name": name}
        if url:
            loc["url"] = url
        return {"id": uid(key, "service_at_location", "0"), "location": loc}

    def attributes(self, key: str, service_id: str, codes: list[str]) -> list[dict[str, Any]]:
        out = []
        for i, code in enumerate(codes):
            if code not in self.terms or self.terms[code]["parent_code"] is None:
                raise ValueError(f"not a leaf term: {code}")
            out.append(
                {
                    "id": uid(key, "attribute", str(i)),
                    "link_type": "service",
                    "link_id": service_id,
                    "taxonomy_term_id": term_id(code),
                }
            )
        return out

    def sample_mark(self, key: str, service_id: str) -> dict[str, Any]:
        return {
            "id": uid(key, "attribute", "sample"),
            "link_type": "service",
            "link_id": service_id,
            "taxonomy_term_id": self.sample_term,
            "label": "Sample data",
        }

    def add(self, svc: dict[str, Any], codes: list[str], counted: bool) -> None:
        if svc["name"] in self.names:
            raise ValueError(f"duplicate service name {svc['name']}")
        self.names.add(svc["name"])
        self.services.append(svc)
        if counted:
            self.term_counts.update(codes)

    # -- a fictional service from a template --------------------------------
    def sample_service(
        self,
        code: str,
        place: Place | None,
        *,
        teen: bool,
        status: str = "active",
        valid_to: str | None = None,
        valid_from: str | None = None,
        name_override: str | None = None,
        when_override: str | None = None,
        extra_note: str = "",
        online: bool = False,
    ) -> dict[str, Any] | None:
        rng = self.rng
        tpl = TEMPLATES[code]
        ages_choices = tpl["teen"] if teen else tpl["other"]
        if not ages_choices:
            return None
        short = place.short if place else "Liverpool"
        name, implied = "", []
        blurb = rng.choice(tpl["blurb"])
        if name_override:
            name = name_override
        else:
            options = list(tpl["names"])
            rng.shuffle(options)
            for pattern, implied_codes, *fixed_ages in options:
                candidate = pattern.format(p=short)
                if candidate not in self.names and not self._clashes(implied_codes, teen) and not (teen and fixed_ages):
                    name, implied, ages_choices = candidate, list(implied_codes), fixed_ages or ages_choices
                    blurb = NAMED_BLURBS.get(pattern, blurb)
                    break
            if not name:
                return None
        lo, hi = rng.choice(ages_choices)
        codes = [code] + [c for c in implied if c != code]
        if len(codes) < 3 and rng.random() < 0.45:
            extra = rng.choice(tpl["extras"])
            if extra not in codes and not self._clashes([extra], teen):
                codes.append(extra)
        key = f"sample/service/{slugify(name)}"
        sid = uid(key)
        description = f"{blurb}{welcome_sentence(codes)}{extra_note} {SAMPLE_SUFFIX}"
        who = eligibility(codes, lo, hi)
        when = when_override or rng.choice(tpl["when"])
        start = valid_from or rng.choice(["2025-09-01", "2025-09-08", "2026-01-05", "2026-04-20", "2026-09-07"])
        note = " in school holidays" if code == "holiday_club" and valid_to is None else ""
        schedule = self.schedule(key, when, valid_from=start, valid_to=valid_to, note=note)
        cost_options, fees = self.costs(key, tpl["paid"])
        pool = tpl["org"]
        if online or place is None:
            # Only an online session has a URL to join; a team that comes to you is no place online.
            sal = self.virtual(
                key,
                "Online (video call)" if online else "Citywide: we come to you",
                f"https://example.org/sample/{slugify(name)}/join" if online else None,
            )
            org_place = self.city
        else:
            sal = self.physical(key, place, rng.choice(tpl["venue"]))
            org_place = place
        organization = self.org(pool, org_place, name)
        languages = [{"id": uid(key, "language", "0"), "name": "English", "code": "en"}]
        for i, (lname, lcode) in enumerate(tpl.get("langs", [])[: rng.choice([0, 1, 2])], start=1):
            languages.append({"id": uid(key, "language", str(i)), "name": lname, "code": lcode})
        assured = (
            f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 20):02d}"
            if rng.random() > 0.1
            else f"2025-{rng.randint(3, 9):02d}-{rng.randint(1, 28):02d}"
        )
        svc: dict[str, Any] = {
            "id": sid,
            "name": name,
            "description": description,
            "url": f"https://example.org/sample/{slugify(name)}",
            "email": f"hello.{slugify(name)[:40].strip('-')}@example.org",
            "status": status,
            "eligibility_description": who,
            "fees_description": fees,
            "minimum_age": lo,
            "maximum_age": hi,
            "assured_date": assured,
            "assurer_email": ASSURER,
            "last_modified": f"{assured}T{rng.randint(8, 17):02d}:{rng.choice([0, 15, 30, 45]):02d}:00Z",
            "organization": organization,
            "service_at_locations": [sal],
            "phones": [
                {
                    "id": uid(key, "phone", "0"),
                    "number": self.phone_pool.pop(),
                    "description": "Sample number (Ofcom drama range, not a real line)",
                }
            ],
            "schedules": [schedule],
            "cost_options": cost_options,
            "attributes": [*self.attributes(key, sid, codes), self.sample_mark(key, sid)],
            "languages": languages,
        }
        if status == "temporarily closed":
            svc["alert"] = "Temporarily closed while the venue is repaired."
        counted = status == "active" and valid_to is None
        self.add(svc, codes, counted)
        return svc

    @staticmethod
    def _clashes(codes: list[str], teen: bool) -> bool:
        # A teen slot must not become a parents' or under-5s service by way of an implied tag.
        return teen and any(c in ("family_hub", "parenting_support") for c in codes)


def welcome_sentence(codes: list[str]) -> str:
    """One line that tells a young person a session is also for them (its secondary tag)."""
    secondary = codes[1:]
    if "send_inclusive" in secondary:
        return " Sessions are relaxed and SEND-inclusive, with a quiet space and staff who adapt to you."
    if "girls_group" in secondary:
        return " A girls-only session, so you can try it with other girls and build your confidence."
    if "lgbtq" in secondary:
        return " LGBTQ+ young people are made very welcome."
    return ""


def eligibility(codes: list[str], lo: int, hi: int) -> str:
    if "girls_group" in codes:
        who = f"Girls and young women aged {lo} to {hi}."
    elif "boys_group" in codes:
        who = f"Boys and young men aged {lo} to {hi}."
    elif codes[0] in ("family_hub", "parenting_support"):
        who = f"Parents, carers and families with children aged {lo} to {hi}."
    else:
        who = f"Young people aged {lo} to {hi}."
    if "send_inclusive" in codes:
        who += " Children and young people with SEND are very welcome; tell us what helps."
    if codes[0] == "care_experienced":
        who += " For young people in care and care leavers."
    if codes[0] == "young_carers":
        who += " For young people who help look after someone at home."
    return who


def teen_ok(svc: dict[str, Any]) -> bool:
    return svc.get("minimum_age", 99) <= TEEN_AGE <= svc.get("maximum_age", -1)


def is_current(svc: dict[str, Any]) -> bool:
    # Only open-ended services count towards the guarantees, so coverage never decays with the calendar.
    return svc["status"] == "active" and all("valid_to" not in s for s in svc.get("schedules", []))


def teen_count_near(services: list[dict[str, Any]], lat: float, lon: float) -> int:
    n = 0
    for svc in services:
        if not (is_current(svc) and teen_ok(svc)):
            continue
        for sal in svc.get("service_at_locations", []):
            loc = sal["location"]
            if (
                loc["location_type"] == "physical"
                and "latitude" in loc
                and haversine_km(lat, lon, loc["latitude"], loc["longitude"]) <= WARD_RADIUS_KM
            ):
                n += 1
                break
    return n


class Deck:
    """Deals terms in proportion to their weights; the whole deck is dealt before it is reshuffled,
    so every term with a weight gets its share of slots."""

    def __init__(self, rng: random.Random, weights: dict[str, int]) -> None:
        self.rng, self.weights, self.cards = rng, weights, []

    def draw(self, avoid: set[str]) -> str:
        if not self.cards:
            self.cards = [code for code, w in sorted(self.weights.items()) for _ in range(w)]
            self.rng.shuffle(self.cards)
        for i, code in enumerate(self.cards):
            if code not in avoid:
                return self.cards.pop(i)
        return self.cards.pop(0)


# --------------------------------------------------------------------------
# Real services: facts only from data/crisis_contacts.yml and the seed articles.
# --------------------------------------------------------------------------
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"


def real_services(b: Builder, facts: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    def c(cid: str) -> dict[str, str]:
        return facts[f"contacts:{cid}"]

    def r(name: str) -> dict[str, str]:
        return facts[f"resources:{name}"]

    def org(slug: str, name: str, website: str | None, description: str) -> dict[str, Any]:
        o: dict[str, Any] = {"id": uid("real", "organization", slug), "name": name, "description": description}
        if website:
            o["website"] = website
        return o

    checked = facts["checked"]["value"]  # the date the contacts were last verified

    def always(key: str, hours: str) -> list[dict[str, Any]]:
        assert hours == "24/7", hours
        return [
            {
                "id": uid(key, "schedule", "0"),
                "freq": "WEEKLY",
                "byday": ALL_DAYS,
                "opens_at": "00:00",
                "closes_at": "23:59",
                "description": "24 hours a day, 7 days a week",
            }
        ]

    def free(key: str) -> list[dict[str, Any]]:
        return [
            {
                "id": uid(key, "cost", "0"),
                "option": "Free",
                "currency": "GBP",
                "amount": 0,
                "amount_description": "Free",
            }
        ]

    nspcc = org(
        "nspcc",
        "NSPCC",
        "https://www.nspcc.org.uk",
        "The NSPCC runs Childline and the NSPCC Helpline.",
    )
    camhs_org = org(
        "liverpool-camhs",
        "Liverpool CAMHS",
        r("Liverpool CAMHS")["url"],
        "Liverpool's partnership of children and young people's mental health services (ages 0 to 25).",
    )
    place2be = org(
        "place2be",
        "Place2Be",
        r("Place2Be")["url"],
        (
            "A children's mental health charity working in schools. It runs Children's Mental Health Week and the "
            "Wellbeing Ambassadors programme."
        ),
    )
    mya = org(
        "mya",
        "Merseyside Youth Association (MYA)",
        r("Merseyside Youth Association (MYA)")["url"],
        "A youth charity in Merseyside. It organises the NOW Mental Health Festival.",
    )

    specs: list[dict[str, Any]] = []
    ch = c("childline")
    specs.append(
        dict(
            slug="childline",
            name="Childline",
            org=nspcc,
            url=ch["url"],
            max_age=18,
            codes=["crisis_support", "mental_health_support"],
            description=(
                "Childline is there for anyone under 19, any time, day or night. Calls are free and do not show on "
                "phone bills, and you can also have a 1-2-1 online chat on the website."
            ),
            eligibility="Anyone under 19.",
            fees="Free, and calls do not show on phone bills.",
            phones=[(ch["phone"], "Call free, 24/7", None)],
            schedules=always,
            hours=ch["hours"],
            free=True,
            where="Phone and online chat",
            online=True,
        )
    )
    sam = c("samaritans")
    specs.append(
        dict(
            slug="samaritans",
            name="Samaritans",
            org=org("samaritans", "Samaritans", sam["url"], "Anyone can call Samaritans, day or night."),
            url=sam["url"],
            codes=["crisis_support", "mental_health_support"],
            description=(
                "Samaritans are there for anyone, 24 hours a day. Calls are free from landlines and mobiles."
            ),
            eligibility="Anyone.",
            fees="Free from landlines and mobiles.",
            phones=[(sam["phone"], "Call free, 24/7", None)],
            schedules=always,
            hours=sam["hours"],
            free=True,
            where="Phone",
        )
    )
    sh = c("shout")
    specs.append(
        dict(
            slug="shout",
            name="Shout",
            org=org("shout", "Shout", sh["url"], "A 24/7 text service."),
            url=sh["url"],
            codes=["crisis_support", "mental_health_support"],
            description=(
                "Shout is a text service for anyone in the UK who prefers to text. "
                f"{sh['text']}, any time, day or night."
            ),
            eligibility="Anyone in the UK who prefers to text.",
            fees=None,
            phones=[(sh["sms_number"], sh["text"], "text")],
            schedules=always,
            hours=sh["hours"],
            free=False,
            where="Text message",
        )
    )
    pa = c("papyrus")
    specs.append(
        dict(
            slug="papyrus-hopeline247",
            name="Papyrus HOPELINE247",
            org=org("papyrus", "Papyrus", pa["url"], "Papyrus runs HOPELINE247."),
            url=pa["url"],
            codes=["crisis_support", "mental_health_support"],
            description=(
                "HOPELINE247 is for people under 35 who are having thoughts of suicide, and for anyone worried "
                "about a "
                "young person. You can call any time, day or night."
            ),
            eligibility="Under 35s having thoughts of suicide, and anyone worried about a young person.",
            fees=None,
            phones=[(pa["phone"], "Call, 24/7", None)],
            schedules=always,
            hours=pa["hours"],
            free=False,
            where="Phone",
        )
    )
    cc = c("liverpool_camhs_crisis")
    specs.append(
        dict(
            slug="liverpool-camhs-crisis-care-team",
            name=cc["name"],
            org=camhs_org,
            url=cc["url"],
            max_age=17,
            codes=["crisis_support", "camhs"],
            description=(
                "The Liverpool CAMHS Crisis Care Team at Alder Hey can be called 24 hours a day. It is for under "
                "18s with a Liverpool or Sefton GP, and for their parents, "
                "carers and "
                "professionals."
            ),
            eligibility="Under 18s with a Liverpool or Sefton GP, and their parents, carers and professionals.",
            fees=None,
            phones=[(cc["phone"], "Call, 24/7", None)],
            schedules=always,
            hours=cc["hours"],
            free=False,
            where="Phone",
        )
    )
    n111 = c("nhs_111_mental_health")
    specs.append(
        dict(
            slug="nhs-111-mental-health",
            name=n111["name"],
            org=org("nhs-111", "NHS 111", "https://111.nhs.uk", "Call 111, or go to 111.nhs.uk online."),
            url="https://111.nhs.uk",
            codes=["crisis_support", "mental_health_support"],
            description=(
                "Call 111 and choose the mental health option (option 2), 24 hours a day. It is for anyone, "
                "including children. You can also use 111.nhs.uk online."
            ),
            eligibility="Anyone, including children.",
            fees=None,
            phones=[(n111["phone"], "Call 111 and choose option 2", None)],
            schedules=always,
            hours=n111["hours"],
            free=False,
            where="Phone and online",
            online=True,
        )
    )
    ns = c("nspcc")
    specs.append(
        dict(
            slug="nspcc-helpline",
            name=ns["name"],
            org=nspcc,
            url=ns["url"],
            codes=["crisis_support", "parenting_support"],
            description=(
                "The NSPCC Helpline is for adults who are worried about a child's safety. If a child is in "
                "immediate "
                "danger, call 999."
            ),
            eligibility="Adults worried about a child's safety.",
            fees=None,
            phones=[(ns["phone"], "Helpline", None)],
            schedules=lambda key, hours: [
                {
                    "id": uid(key, "schedule", "0"),
                    "freq": "WEEKLY",
                    "byday": ",".join(WEEKDAYS),
                    "opens_at": "08:00",
                    "closes_at": "22:00",
                    "description": "Phone: Monday to Friday 8am to 10pm",
                },
                {
                    "id": uid(key, "schedule", "1"),
                    "freq": "WEEKLY",
                    "byday": "SA,SU",
                    "opens_at": "09:00",
                    "closes_at": "18:00",
                    "description": "Phone: weekends 9am to 6pm. Online reporting 24/7.",
                },
            ],
            hours=ns["hours"],
            free=False,
            where="Phone and online",
            online=True,
        )
    )
    lc = r("Liverpool CAMHS")
    specs.append(
        dict(
            slug="liverpool-camhs",
            name="Liverpool CAMHS",
            org=camhs_org,
            url=lc["url"],
            min_age=0,
            max_age=25,
            codes=["camhs", "mental_health_support"],
            description=(
                "Liverpool CAMHS is the city's partnership of children and young people's mental health "
                "services, for "
                "ages 0 to 25. Its website has information, guidance and support."
            ),
            eligibility="Children and young people aged 0 to 25 in Liverpool.",
            fees=None,
            phones=[],
            schedules=None,
            hours=None,
            free=False,
            where="Online",
            online=True,
        )
    )
    specs.append(
        dict(
            slug="liverpool-camhs-online-referral",
            name="Liverpool CAMHS online referral",
            org=camhs_org,
            url=lc["url"],
            min_age=0,
            max_age=25,
            codes=["camhs", "mental_health_support"],
            description=(
                "Liverpool CAMHS has an online referral, on the Liverpool CAMHS website."
            ),
            eligibility="Children and young people aged 0 to 25 in Liverpool.",
            fees=None,
            phones=[],
            schedules=None,
            hours=None,
            free=False,
            where="Online",
            online=True,
        )
    )
    specs.append(
        dict(
            slug="liverpool-camhs-while-youre-waiting",
            name="Liverpool CAMHS While You're Waiting guide",
            org=camhs_org,
            url=lc["url"],
            min_age=0,
            max_age=25,
            codes=["camhs", "parenting_support"],
            description=(
                "A While You're Waiting guide from Liverpool CAMHS, on the Liverpool CAMHS website."
            ),
            eligibility="Children and young people aged 0 to 25 in Liverpool.",
            fees=None,
            phones=[],
            schedules=None,
            hours=None,
            free=False,
            where="Online",
            online=True,
        )
    )
    ko = r("Kooth")
    specs.append(
        dict(
            slug="kooth",
            name="Kooth",
            org=org("kooth", "Kooth", ko["url"], "Free, anonymous online counselling and support for young people."),
            url=ko["url"],
            codes=["mental_health_support", "counselling"],
            description=(
                "Kooth offers free, anonymous online counselling and support for young people. Ages and "
                "availability "
                "depend on the area, so check the website."
            ),
            eligibility="Young people; ages and availability depend on the area.",
            fees="Free.",
            phones=[],
            schedules=None,
            hours=None,
            free=True,
            where="Online",
            online=True,
        )
    )
    specs.append(
        dict(
            slug="place2be-childrens-mental-health-week-resources",
            name="Children's Mental Health Week resources (Place2Be)",
            org=place2be,
            url=r("Place2Be")["url"],
            codes=["mental_health_support", "parenting_support"],
            description=(
                "Place2Be runs Children's Mental Health Week and shares activities and resources for primary "
                "schools, "
                "secondary schools, families, community groups and workplaces to download."
            ),
            eligibility="Schools, families, community groups and workplaces.",
            fees=None,
            phones=[],
            schedules=None,
            hours=None,
            free=False,
            where="Online",
            online=True,
        )
    )
    specs.append(
        dict(
            slug="place2be-wellbeing-ambassadors",
            name="Wellbeing Ambassadors (Place2Be)",
            org=place2be,
            url=r("Place2Be")["url"],
            codes=["peer_support", "youth_voice"],
            description=(
                "A Place2Be programme that helps schools set up peer-led wellbeing support. Trained pupils listen, "
                "reach out to students who may be struggling to find their place and can run lunchtime drop-ins; "
                "ask your "
                "school about it."
            ),
            eligibility="Pupils in schools that take part in the programme.",
            fees=None,
            phones=[],
            schedules=None,
            hours=None,
            free=False,
            where="In schools",
            # Somewhere real that has no one address: physical, with no point on the map.
            physical=True,
        )
    )
    # The NOW Festival is a dated event: 9-11 February 2026 at the Epstein Theatre (seed article 000).
    specs.append(
        dict(
            slug="now-mental-health-festival-2026",
            name="NOW Mental Health Festival 2026",
            org=mya,
            url=r("Merseyside Youth Association (MYA)")["url"],
            codes=["mental_health_support", "youth_voice"],
            description=(
                "Children and young people from across Merseyside take part in the annual NOW Mental Health "
                "Festival, "
                "organised by MYA, during Children's Mental Health Week. The 2026 theme is Mental Health and the "
                "Environment."
            ),
            eligibility="Children and young people from across Merseyside.",
            fees=None,
            phones=[],
            schedules=lambda key, hours: [
                {
                    "id": uid(key, "schedule", "0"),
                    "valid_from": "2026-02-09",
                    "valid_to": "2026-02-11",
                    "description": "9 to 11 February 2026, during Children's Mental Health Week",
                }
            ],
            hours=None,
            free=False,
            where="Epstein Theatre",
            physical=True,
        )
    )

    out = []
    for spec in specs:
        key = f"real/service/{spec['slug']}"
        sid = uid(key)
        svc: dict[str, Any] = {
            "id": sid,
            "name": spec["name"],
            "description": spec["description"],
            "url": spec["url"],
            "status": "active",
            "eligibility_description": spec["eligibility"],
        }
        if spec.get("fees"):
            svc["fees_description"] = spec["fees"]
        if "min_age" in spec:
            svc["minimum_age"] = spec["min_age"]
        if "max_age" in spec:
            svc["maximum_age"] = spec["max_age"]
        svc.update(
            {
                "assured_date": checked,
                "assurer_email": ASSURER,
                "last_modified": f"{checked}T00:00:00Z",
                "organization": spec["org"],
            }
        )
        loc: dict[str, Any] = {
            "id": uid(key, "location", "0"),
            "location_type": "physical" if spec.get("physical") else "virtual",
            "name": spec["where"],
        }
        # A virtual location's URL says where to take part online (HSDS): a phone or text line has none.
        if spec.get("online"):
            loc["url"] = spec["url"]
        svc["service_at_locations"] = [{"id": uid(key, "service_at_location", "0"), "location": loc}]
        svc["phones"] = []
        for i, (number, desc, ptype) in enumerate(spec["phones"]):
            phone = {"id": uid(key, "phone", str(i)), "number": number, "description": desc}
            if ptype:
                phone["type"] = ptype
            svc["phones"].append(phone)
        svc["schedules"] = spec["schedules"](key, spec["hours"]) if spec["schedules"] else []
        svc["cost_options"] = free(key) if spec["free"] else []
        svc["attributes"] = b.attributes(key, sid, spec["codes"])
        b.add(svc, spec["codes"], counted=is_current(svc))
        out.append(svc)
    return out


# --------------------------------------------------------------------------
# Online and citywide sample services, and dated or closed ones.
# --------------------------------------------------------------------------
ONLINE = [  # (code, name, online?)
    ("gaming", "Liverpool Online Gaming League", True),
    ("homework_club", "Homework Help Online", True),
    ("lgbtq", "Rainbow Chat Online", True),
    ("peer_support", "Peer Support Online Evenings", True),
    ("coding", "Coding Night Online", True),
    ("parenting_support", "Parents Online Circle", True),
    ("mentoring", "Video Mentoring Liverpool", True),
    ("writing", "Young Writers Online", True),
    ("youth_voice", "Speak Up Youth Panel", False),
    ("young_carers", "Young Carers Get-together", False),
    ("youth_club", "Out and About Detached Youth Work", False),
    ("care_experienced", "Moving On Care Leavers' Group", False),
    ("bereavement", "Still Here Grief Group", False),
]
EXPIRED = [  # (code, name pattern, valid_from, valid_to)
    ("holiday_club", "{p} Summer Holiday Club 2025", "2025-07-28", "2025-08-29"),
    ("football", "{p} Summer Football Camp 2025", "2025-07-21", "2025-08-22"),
    ("holiday_club", "{p} Easter Holiday Camp 2026", "2026-03-30", "2026-04-10"),
    ("drama", "{p} Summer Youth Theatre Project 2026", "2026-07-27", "2026-08-21"),
    ("holiday_club", "{p} October Half Term Fun Days 2026", "2026-10-26", "2026-10-30"),
    ("art", "{p} Summer Mural Project 2026", "2026-07-20", "2026-08-28"),
    ("youth_club", "{p} Winter Warm Nights 2025", "2025-12-01", "2026-02-27"),
]
CLOSED = [
    ("youth_club", "inactive"),
    ("boxing", "defunct"),
    ("swimming", "temporarily closed"),
    ("music", "inactive"),
    ("dance", "defunct"),
    ("gaming", "temporarily closed"),
    ("cooking", "inactive"),
    ("basketball", "temporarily closed"),
]
# Term-time programmes that end next summer: current today, expired later. Not counted towards the guarantees.
TERM_TIME = [
    ("coding", "{p} Robot Builders Term Programme"),
    ("drama", "{p} Spring Show Company"),
    ("cooking", "{p} Cook Club Term Course"),
    ("nature", "{p} Forest Skills Course"),
    ("athletics", "{p} Schools Running Challenge"),
]
TERM_TIME_END = "2027-07-16"


def build(out: Path) -> dict[str, Any]:
    rng = random.Random(SEED)
    terms = load_taxonomy()
    places = load_places()
    facts = parse_contacts_yaml(CONTACTS_FILE.read_text(encoding="utf-8"))
    by_name = {p.name: p for p in places}
    b = Builder(rng, terms, city=by_name["Liverpool"])
    wards = [p for p in places if p.kind == "ward"]
    districts = [p for p in places if p.kind == "district"]
    outer = [by_name[n] for n in OUTER_PLACES]

    real_services(b, facts)

    teen_deck, other_deck = Deck(rng, TEEN_WEIGHTS), Deck(rng, OTHER_WEIGHTS)
    for ward in wards:
        used: set[str] = set()
        for _ in range(3):
            for _attempt in range(5):
                code = teen_deck.draw(used)
                if b.sample_service(code, ward, teen=True):
                    used.add(code)
                    break
        for _attempt in range(5):
            code = other_deck.draw(used)
            if b.sample_service(code, ward, teen=False):
                break
    for place in districts + outer:
        for _attempt in range(5):
            deck, teen = (teen_deck, True) if rng.random() < 0.6 else (other_deck, False)
            if b.sample_service(deck.draw(set()), place, teen=teen):
                break
    for code, name, online in ONLINE:
        b.sample_service(
            code,
            None,
            teen=bool(TEMPLATES[code]["teen"]),
            name_override=name,
            online=online,
        )

    # Wards on the edge of the city have few neighbours within 2 km: top them up.
    for ward in wards:
        for _attempt in range(50):
            if teen_count_near(b.services, ward.lat, ward.lon) >= MIN_TEEN_SERVICES_PER_WARD:
                break
            b.sample_service(teen_deck.draw(set()), ward, teen=True)
    for code in sorted(TEMPLATES):
        for _attempt in range(50):
            if b.term_counts[code] >= MIN_SERVICES_PER_TERM:
                break
            b.sample_service(code, rng.choice(wards), teen=bool(TEMPLATES[code]["teen"]))

    def somewhere(code: str, **kwargs: Any) -> None:
        for _attempt in range(50):
            ward = rng.choice(wards)
            pattern = kwargs.pop("pattern", None)
            if pattern:
                kwargs["name_override"] = pattern.format(p=ward.short)
            if b.sample_service(code, ward, teen=bool(TEMPLATES[code]["teen"]), **kwargs):
                return
            if pattern:
                kwargs["pattern"] = pattern
        raise RuntimeError(f"could not place a {code} service")

    for code, pattern, start, end in EXPIRED:
        somewhere(
            code,
            pattern=pattern,
            valid_from=start,
            valid_to=end,
            extra_note=" A time-limited programme.",
            when_override="holiday" if code == "holiday_club" or "Summer" in pattern else None,
        )
    for code, status in CLOSED:
        somewhere(code, status=status)
    for code, pattern in TERM_TIME:
        somewhere(
            code,
            pattern=pattern,
            valid_from="2026-09-07",
            valid_to=TERM_TIME_END,
            extra_note=" Runs in school term time this year.",
        )

    check(b, wards, terms)
    services = sorted(b.services, key=lambda s: s["id"])
    doc = {
        "meta": {
            "sample": True,
            "description": (
                "Sample Liverpool directory for Find Your Place. Local organisations and services are fictional "
                "sample data for demonstration, labelled as such in every record; their phone numbers are in "
                "Ofcom's drama range and their web and email addresses use example.org. The national and regional "
                "helplines and programmes (Childline, Samaritans, Shout, Papyrus, Liverpool CAMHS, NHS 111, NSPCC, "
                "Kooth, Place2Be, MYA) are real and built only from data/crisis_contacts.yml and the seed articles."
            ),
            "generated_by": "scripts/build_seed_directory.py",
        },
        "services": services,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return doc


def check(b: Builder, wards: list[Place], terms: dict[str, dict[str, Any]]) -> None:
    """Fail the build rather than write a directory that misses a guarantee."""
    problems = []
    for ward in wards:
        n = teen_count_near(b.services, ward.lat, ward.lon)
        if n < MIN_TEEN_SERVICES_PER_WARD:
            problems.append(f"ward {ward.name}: {n} services for 13 year olds within {WARD_RADIUS_KM} km")
    for code, term in sorted(terms.items()):
        if term["parent_code"] is not None and b.term_counts[code] < MIN_SERVICES_PER_TERM:
            problems.append(f"term {code}: {b.term_counts[code]} current services")
    interests = {s["name"]: [a for a in s["attributes"] if a["taxonomy_term_id"] != b.sample_term] for s in b.services}
    problems += [
        f"{name}: {len(found)} interest attributes" for name, found in interests.items() if not 1 <= len(found) <= 3
    ]
    if problems:
        raise SystemExit("seed directory not written:\n  " + "\n  ".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="where to write the directory (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    doc = build(args.out)
    print(f"wrote {len(doc['services'])} services to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
