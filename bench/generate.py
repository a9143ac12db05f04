#!/usr/bin/env python3
"""Deterministic generator of a COP-scale meeting for the msp benchmark.

Writes, into OUT_DIR:
  meeting.txt    the `msp meeting add` arguments, one per line
  import.csv     the registrations: one row per participant, in the column order `msp import` takes
  register.json  one more note, for the single-register timing

Scale (defaults): 197 States (their real UN names, typed as users type them: aliases, ISO codes, upper case,
diacritics dropped) and 2,300 organizations (names with diacritics), 100,000 participant rows in about 6,000
notes, about 1,000 of them amendments, and 10% of notes received after the deadline.
Same arguments, same bytes: the random generator is seeded.
"""
import argparse, csv, os, random, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATES_CSV = os.path.join(HERE, "..", "fixtures", "reference", "states.csv")

FIRST = ["Amina", "José", "Zoë", "Søren", "Łukasz", "Nguyễn Văn", "Đặng", "Chloé", "Björn", "Ana María", "Jürgen",
         "François", "Oluwaseun", "Tomás", "Ingrid", "Mehmet", "Aïcha", "Kwame", "Siobhán", "Hana", "Raúl", "Noëlle",
         "Dmitri", "Fatima", "Jean-Pierre", "Mei", "Priya", "Óscar", "Ewa", "Thabo", "Lucía", "Kenji",
         "Анна", "Олег", "محمد", "ليلى", "王", "李"]
LAST = ["Okafor", "García", "Müller", "Ødegaard", "Wiśniewski", "Trần", "Nakamura", "Dubois", "Çelik", "O'Brien",
        "Fernández", "Mensah", "Johansson", "Kowalczyk", "Haddad", "Ruiz", "Nyström", "Papadopoulos", "Kiplagat",
        "Ibáñez", "Lefèvre", "Sørensen", "Ndiaye", "Khumalo", "Petrović", "Yılmaz", "Schäfer", "da Silva",
        "Иванова", "Петров", "الهاشمي", "منصور", "小明", "芳"]
TITLES_M = ["Mr.", "H.E. Mr.", "Dr.", "Prof."]
TITLES_F = ["Ms.", "H.E. Ms.", "Dr.", "Mrs."]
FUNCTIONS = ["Minister for Foreign Affairs", "Ambassador, Permanent Representative", "Deputy Permanent Representative",
             "Counsellor", "First Secretary", "Second Secretary", "Legal Adviser", "Technical Expert",
             "Director, Department of Multilateral Affairs", "Climate Negotiator", "Programme Officer",
             "Délégué, Ministère de l'Écologie", "Head of Unit", "Senior Adviser"]
ORG_WORDS = ["Fondation", "Réseau", "Association", "Coalition", "Institute", "Centre", "Alliance", "Forum",
             "Stiftung", "Observatorio", "Initiative", "Société", "Council", "Network", "Movimiento"]
ORG_TOPICS = ["Énergie Solidaire", "Climate Justice", "Océans Vivants", "Développement Durable", "Água Limpa",
              "Zukunftsenergie", "Green Cities", "Forêts Tropicales", "Niños del Clima", "Solar Commons",
              "Kyoto Legacy", "Ciudades Resilientes", "Arctic Watch", "Sahel Vert", "Blue Carbon"]
COLUMNS = ["delegation", "category", "reference", "received_at", "channel", "role", "title", "name", "function",
           "gender", "email"]


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def typed_state(rng, row):
    name, iso2, iso3, _m49, _member, aliases = row
    forms = [name, name, name.upper(), strip_accents(name), iso3, iso2] + [a for a in aliases.split("|") if a]
    return rng.choice(forms)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--organizations", type=int, default=2_300)
    parser.add_argument("--notes", type=int, default=6_000)
    parser.add_argument("--amendments", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20171204)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)

    with open(STATES_CSV, newline="", encoding="utf-8") as f:
        states = list(csv.reader(f))[1:]
    organizations = []
    for i in range(args.organizations):
        name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_TOPICS)} {i:04d}"
        category = "international_organization" if i % 5 == 0 else "civil_society"
        organizations.append((name, category))

    # Every State and every organization registers once (its first note); amendments follow for some of them,
    # a few days after their registration. Notes are written in the order they were received.
    delegations = [("state", s) for s in states] + [("org", o) for o in organizations]
    registrations = len(delegations)
    deadline_day = 18  # 2023-11-18 in Dubai; the meeting opens 2023-11-30
    notes = []  # (day, delegation, sequence)
    first_day = {}
    for index, delegation in enumerate(delegations):
        day = rng.randint(19, 24) if rng.random() < 0.06 else rng.randint(1, deadline_day)
        first_day[index] = day
        notes.append((day, index, 0))
    amended = rng.sample(range(len(delegations)), k=min(args.amendments, len(delegations)))
    for index in amended:
        notes.append((min(28, first_day[index] + rng.randint(1, 4)), index, 1))
    notes.sort()
    late_count = sum(1 for day, _, _ in notes if day > deadline_day)
    per_note = args.participants / len(notes)

    remaining = args.participants
    rows_written = 0
    reference_counter = 0
    with open(os.path.join(args.out_dir, "import.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for note_index, (day, delegation_index, sequence) in enumerate(notes):
            kind, entity = delegations[delegation_index]
            reference_counter += 1
            notes_left = len(notes) - note_index
            size = remaining if notes_left == 1 else max(1, min(remaining - (notes_left - 1), round(rng.gauss(per_note, per_note / 3))))
            remaining -= size
            hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
            form = rng.random()
            if form < 0.55:
                received = f"2023-11-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}+04:00"
            elif form < 0.75:
                received = f"2023-11-{day:02d}T{hour - 4:02d}:{minute:02d}:{second:02d}Z" if hour >= 4 else f"2023-11-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}+04:00"
            elif form < 0.92:
                received = f"2023-11-{day:02d}T{hour:02d}:{minute:02d}"
            else:
                received = f"2023-11-{day:02d}"
            channel = rng.choice(["email", "email", "email", "post", "hand", "fax"])
            if kind == "state":
                delegation = typed_state(rng, entity)
                category = ""
                reference = f"Note {reference_counter}/2023"
                domain = entity[2].lower() + ".example.org"
            else:
                name, org_category = entity
                delegation = name if rng.random() < 0.8 else strip_accents(name).upper()
                category = org_category if sequence == 0 or rng.random() < 0.3 else ""
                reference = f"Letter {reference_counter}/2023"
                domain = "org.example.org"
            for position in range(size):
                role = "head" if position == 0 else ("alternate" if position < 3 else "adviser")
                female = rng.random() < 0.45
                first, last = rng.choice(FIRST), rng.choice(LAST)
                title = rng.choice(TITLES_F if female else TITLES_M)
                if role != "head":
                    title = title.replace("H.E. ", "")
                gender = "female" if female else "male"
                email = f"p{rows_written}@{domain}" if rng.random() < 0.5 else ""
                writer.writerow([delegation, category, reference, received, channel, role, title,
                                 f"{first} {last}", rng.choice(FUNCTIONS), gender, email])
                rows_written += 1

    with open(os.path.join(args.out_dir, "meeting.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(["meeting", "add", "COP28", "--title",
                           "Twenty-eighth session of the Conference of the Parties (benchmark)",
                           "--convention", "CCM", "--opens", "2023-11-30", "--closes", "2023-12-12",
                           "--deadline", f"2023-11-{deadline_day:02d}", "--time-zone", "Asia/Dubai",
                           "--venue", "Expo City, Dubai"]) + "\n")
    with open(os.path.join(args.out_dir, "register.json"), "w", encoding="utf-8") as f:
        f.write('{"delegation": "Côte d’Ivoire", "reference": "Note bench/2023", "received_at": "2023-11-20T10:00:00+04:00", '
                '"channel": "email", "participants": [{"role": "head", "title": "H.E. Mr.", "name": "Kouadio Bénié", '
                '"function": "Minister"}]}\n')
    print(f"{rows_written} participants in {len(notes)} notes ({registrations} registrations, {len(amended)} amendments, "
          f"{late_count} late) for {len(delegations)} delegations", file=sys.stderr)


if __name__ == "__main__":
    main()
