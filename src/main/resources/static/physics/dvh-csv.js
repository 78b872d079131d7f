// Cumulative DVHs from a treatment planning system's CSV export, one structure per column block:
//   row 1: the structure's name over its block (the block's other cells empty);
//   row 2: the block's columns, "Dose [Gy]" or "Dose [cGy]", then "Volume [%]" or "Volume [cm3]" (cm³, cc);
//   then one point per row (a block may end before the others: empty cells).
// Separators: comma, semicolon or tab. Volumes in cm³ become % of the structure's volume at dose 0.

export function parseDvhCsv(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  if (lines.length < 3) {
    throw new Error('a DVH export needs a row of structure names, a row of column headings and at least one point');
  }
  const separator = [';', '\t', ','].find((s) => lines[0].includes(s)) || ',';
  const rows = lines.map((line) => line.split(separator).map((cell) => cell.trim().replace(/^"|"$/g, '')));
  const [names, headings, ...points] = rows;
  const structures = [];
  for (let column = 0; column < names.length; column += 1) {
    if (!names[column]) {
      continue;
    }
    const doseUnit = unitOf(headings[column], 'dose');
    const volumeUnit = unitOf(headings[column + 1], 'volume');
    const curve = points
      .map((row) => [row[column], row[column + 1]])
      .filter(([dose, volume]) => dose !== undefined && dose !== '' && volume !== undefined && volume !== '')
      .map(([dose, volume], index) => {
        const [d, v] = [Number(dose), Number(volume)];
        if (!Number.isFinite(d) || !Number.isFinite(v)) {
          throw new Error(`${names[column]}, point ${index + 1}: "${dose}", "${volume}" is not a number`);
        }
        return { dose: doseUnit === 'cGy' ? d / 100 : d, volume: v };
      });
    if (!curve.length) {
      throw new Error(`${names[column]}: no points`);
    }
    if (volumeUnit === 'cm3') {
      const total = curve[0].volume;
      if (!(total > 0) || curve[0].dose !== 0) {
        throw new Error(`${names[column]}: a volume in cm³ needs the whole structure's volume at dose 0 as its first point`);
      }
      curve.forEach((p) => { p.volume = (p.volume / total) * 100; });
    }
    structures.push({ name: names[column], doseUnit, volumeUnit, curve });
  }
  return structures;
}

function unitOf(heading = '', kind) {
  const text = heading.toLowerCase();
  if (kind === 'dose') {
    if (text.includes('cgy')) {
      return 'cGy';
    }
    if (text.includes('gy')) {
      return 'Gy';
    }
  } else {
    if (text.includes('%')) {
      return '%';
    }
    if (/cm3|cm³|cc/.test(text)) {
      return 'cm3';
    }
  }
  throw new Error(`"${heading}" names no ${kind} unit (${kind === 'dose' ? 'Gy or cGy' : '% or cm3'})`);
}

// Names planning systems give the structures the trial's rules read, by their TG-263 code (AAPM TG-263,
// 2018, lists these as the standard names; the others are common spellings in exports).
const SYNONYMS = {
  'Lungs-GTV': ['lungsgtv', 'lungtotalgtv', 'totallunggtv', 'lungsminusgtv', 'lunggtv', 'bilaterallunggtv'],
  SpinalCord: ['spinalcord', 'cord', 'spinalcanal'],
  Esophagus: ['esophagus', 'oesophagus', 'esoph'],
  Heart: ['heart'],
  Lung_L: ['lungl', 'leftlung', 'lunglt'],
  Lung_R: ['lungr', 'rightlung', 'lungrt'],
};

/** The TG-263 code a structure name stands for, among {@code codes}; undefined when none. */
export function tg263Of(name, codes) {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const exact = codes.find((code) => code.toLowerCase().replace(/[^a-z0-9]/g, '') === key);
  if (exact) {
    return exact;
  }
  return Object.keys(SYNONYMS).find((code) => codes.includes(code) && SYNONYMS[code].includes(key));
}
