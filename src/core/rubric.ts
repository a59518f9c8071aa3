// The default rubric for quickwin maturity (the reasoning is in docs/domain.md): five criteria
// drawn from KemenPAN-RB's KIPP (benefit, sustainability, replicability) and Kemendagri's
// Innovative Government Award, plus readiness along Kemendagri's stages (inisiatif → uji coba →
// penerapan) and the meeting's own principle "biaya kecil, hasil besar". Weights sum to 100;
// every criterion is scored 1–5 with a descriptor for every level. Ids are slugs, the same in
// every language, so reviews survive a change of language. The coordinator can edit all of it.
import type { Criterion } from "./schemas";
import type { Locale } from "./types";

interface Text {
  name: string;
  description: string;
  levels: [string, string, string, string, string];
}

interface DefaultCriterion {
  id: string;
  weight: number;
  text: Record<Locale, Text>;
}

const DEFAULT_CRITERIA: DefaultCriterion[] = [
  {
    id: "public-benefit",
    weight: 25,
    text: {
      id: {
        name: "Manfaat bagi masyarakat",
        description:
          "Seberapa nyata quickwin ini memperbaiki pelayanan publik bagi warga — bukan seberapa canggih teknologinya.",
        levels: [
          "Manfaat bagi masyarakat belum jelas; terutama memudahkan urusan internal OPD.",
          "Manfaat kecil bagi kelompok penerima yang terbatas; belum ada bukti.",
          "Manfaat nyata bagi satu kelompok sasaran (misalnya layanan lebih cepat), dengan bukti awal.",
          "Manfaat nyata dan terukur bagi banyak warga: layanan lebih cepat, lebih murah, atau lebih mudah.",
          "Dampak luas dan terbukti (data sebelum–sesudah, umpan balik warga) pada masalah prioritas daerah.",
        ],
      },
      en: {
        name: "Benefit to the public",
        description:
          "How much this quickwin really improves public service for residents — not how advanced its technology is.",
        levels: [
          "No clear benefit to the public; it mainly makes the agency's own work easier.",
          "A small benefit to a narrow group of users; no evidence yet.",
          "A real benefit to one target group (for example faster service), with early evidence.",
          "A real, measured benefit to many residents: service is faster, cheaper or easier.",
          "Broad, proven impact (before-and-after data, residents' feedback) on a priority problem of the regency.",
        ],
      },
    },
  },
  {
    id: "readiness",
    weight: 20,
    text: {
      id: {
        name: "Kesiapan dan kematangan",
        description:
          "Sejauh mana quickwin sudah berjalan, menurut tahapan inovasi: inisiatif, uji coba, penerapan.",
        levels: [
          "Masih berupa gagasan; belum ada rancangan, tim pelaksana, maupun jadwal.",
          "Rancangan dan tim pelaksana sudah ada, tetapi belum diuji coba.",
          "Sedang diuji coba secara terbatas (satu unit atau lokasi) dan hasil awalnya dicatat.",
          "Sudah diterapkan dan dipakai rutin oleh sasarannya, dengan SOP dan penanggung jawab yang jelas.",
          "Diterapkan penuh dan berjalan stabil, didukung dasar hukum (Perbup/SK) dan hasil yang terdokumentasi.",
        ],
      },
      en: {
        name: "Readiness and maturity",
        description:
          "How far the quickwin has come along the innovation stages: initiative, pilot, implemented.",
        levels: [
          "Still an idea; no design, implementing team or schedule yet.",
          "A design and an implementing team exist, but nothing has been piloted.",
          "Piloted on a limited scale (one unit or location), with early results recorded.",
          "Implemented and used routinely by its users, with an SOP and a clear owner.",
          "Fully implemented and running steadily, backed by a legal basis (regent's regulation or decree) and documented results.",
        ],
      },
    },
  },
  {
    id: "value-for-money",
    weight: 20,
    text: {
      id: {
        name: "Biaya kecil, hasil besar",
        description: "Hasil yang diperoleh dibandingkan dengan biaya dan sumber daya yang dipakai.",
        levels: [
          "Biaya besar dibanding hasilnya; bergantung pada pengadaan atau vendor yang mahal.",
          "Biaya cukup besar; hasilnya hanya sebagian sepadan.",
          "Biaya wajar dan sepadan dengan hasilnya.",
          "Biaya kecil: memanfaatkan sumber daya yang sudah ada (aplikasi, SDM, perangkat).",
          "Hampir tanpa biaya tambahan dengan hasil besar — contoh nyata biaya kecil, hasil besar.",
        ],
      },
      en: {
        name: "Small cost, big result",
        description: "What the quickwin achieves compared with the money and resources it uses.",
        levels: [
          "High cost for the result; depends on expensive procurement or vendors.",
          "Fairly costly; the result only partly justifies it.",
          "A reasonable cost, in line with the result.",
          "Low cost: it reuses resources that already exist (applications, staff, equipment).",
          "Almost no extra cost for a big result — a model of small cost, big result.",
        ],
      },
    },
  },
  {
    id: "sustainability",
    weight: 20,
    text: {
      id: {
        name: "Keberlangsungan sistem",
        description:
          "Apakah quickwin tetap berjalan setelah penilaian dan penghargaan: pengelola, anggaran, SOP, dan regulasi.",
        levels: [
          "Bergantung pada satu orang atau kegiatan sesaat; kemungkinan berhenti setelah lomba.",
          "Ada pengelola, tetapi belum ada anggaran rutin, SOP, atau rencana pemeliharaan.",
          "Ada SOP dan pengelola tetap; anggaran pemeliharaan belum pasti.",
          "Masuk rencana kerja dan anggaran OPD, dengan SOP, pengelola, dan pemeliharaan terjadwal.",
          "Sudah melembaga (regulasi, anggaran rutin, kaderisasi operator) dan terbukti berjalan lebih dari satu tahun anggaran.",
        ],
      },
      en: {
        name: "Sustainability of the system",
        description:
          "Whether the quickwin keeps running after the assessment and the award: owner, budget, SOP and regulation.",
        levels: [
          "Depends on one person or a one-off activity; likely to stop after the competition.",
          "Someone looks after it, but there is no recurring budget, SOP or maintenance plan.",
          "An SOP and a permanent team exist; maintenance funding is not yet secured.",
          "Part of the agency's work plan and budget, with an SOP, a team and scheduled maintenance.",
          "Institutionalized (regulation, recurring budget, trained successors) and proven to run for more than one budget year.",
        ],
      },
    },
  },
  {
    id: "replicability",
    weight: 15,
    text: {
      id: {
        name: "Kemudahan direplikasi",
        description: "Seberapa mudah quickwin ini ditiru oleh OPD, kecamatan, atau daerah lain.",
        levels: [
          "Sangat khusus; sulit diterapkan di unit atau daerah lain.",
          "Bisa ditiru, tetapi dengan penyesuaian besar dan biaya tambahan yang berarti.",
          "Bisa ditiru OPD lain dengan penyesuaian sedang.",
          "Mudah ditiru: langkah, SOP, dan perangkatnya terdokumentasi dan dapat dibagikan.",
          "Sudah ditiru atau diadopsi unit atau daerah lain, atau dikemas sebagai paket siap pakai.",
        ],
      },
      en: {
        name: "Replicability",
        description: "How easily other agencies, districts or regions could adopt this quickwin.",
        levels: [
          "Very specific; hard to apply in another unit or region.",
          "Could be copied, but only with major adaptation and significant extra cost.",
          "Other agencies could copy it with moderate adaptation.",
          "Easy to copy: its steps, SOP and tools are documented and can be shared.",
          "Already copied or adopted by other units or regions, or packaged ready to reuse.",
        ],
      },
    },
  },
];

/** The default rubric in the given language (fresh objects on every call). */
export function defaultRubric(locale: Locale): Criterion[] {
  const lang: Locale = locale === "en" ? "en" : "id";
  return DEFAULT_CRITERIA.map((spec) => {
    const text = spec.text[lang];
    return {
      id: spec.id,
      name: text.name,
      description: text.description,
      weight: spec.weight,
      min: 1,
      max: 5,
      levels: [...text.levels],
    };
  });
}
