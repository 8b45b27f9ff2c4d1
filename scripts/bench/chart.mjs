// The benchmark's chart: build time and peak memory (of the largest process) against article count, one line per
// variant, from every kept result (bench/results.json). Plain SVG, no dependencies; article counts on a log scale.

const COLOURS = {
	baseline: '#6b7280',
	ours: '#b91c1c',
	workers: '#1d4ed8',
	shards: '#15803d',
	oursAdded: '#f97316',
	workersAdded: '#0ea5e9',
	oursWarm: '#fca5a5',
	workersWarm: '#93c5fd',
};
const WIDTH = 460;
const HEIGHT = 300;
const MARGIN = { left: 64, right: 32, top: 36, bottom: 44 };

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/`/g, '');

/** Round numbers for an axis up to `max`. */
function ticks(max) {
	const step = 10 ** Math.floor(Math.log10(max || 1));
	const unit = max / step > 5 ? step * 2 : max / step > 2 ? step : step / 2;
	return Array.from({ length: Math.floor(max / unit) + 1 }, (_, i) => i * unit);
}

function panel(results, names, { value, title, unit, x0 }) {
	const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
	const variants = Object.keys(names).filter((name) => results.some((r) => r.variant === name));
	const maxY = Math.max(...results.map(value)) * 1.1 || 1;
	const [minX, maxX] = [Math.log10(sizes[0]), Math.log10(sizes.at(-1))];
	const plotW = WIDTH - MARGIN.left - MARGIN.right;
	const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
	const x = (size) =>
		x0 + MARGIN.left + (maxX === minX ? plotW / 2 : ((Math.log10(size) - minX) / (maxX - minX)) * plotW);
	const y = (v) => MARGIN.top + plotH - (v / maxY) * plotH;
	const parts = [`<text x="${x0 + MARGIN.left}" y="20" font-weight="bold">${escape(title)}</text>`];
	for (const tick of ticks(maxY / 1.1)) {
		parts.push(
			`<line x1="${x0 + MARGIN.left}" x2="${x0 + WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e5e7eb"/>`,
		);
		parts.push(
			`<text x="${x0 + MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick.toLocaleString('en-US')}</text>`,
		);
	}
	for (const size of sizes) {
		parts.push(
			`<text x="${x(size)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${size.toLocaleString('en-US')}</text>`,
		);
	}
	parts.push(
		`<text x="${x0 + MARGIN.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">articles (log scale)</text>`,
	);
	parts.push(
		`<text x="${x0 + 14}" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 ${x0 + 14} ${MARGIN.top + plotH / 2})">${escape(unit)}</text>`,
	);
	for (const variant of variants) {
		const points = results.filter((r) => r.variant === variant).sort((a, b) => a.size - b.size);
		const colour = COLOURS[variant] ?? '#000';
		const dashed = /Warm|Added/.test(variant) ? ' stroke-dasharray="5 4"' : '';
		parts.push(
			`<polyline fill="none" stroke="${colour}" stroke-width="2"${dashed} points="${points.map((p) => `${x(p.size)},${y(value(p))}`).join(' ')}"/>`,
		);
		for (const p of points)
			parts.push(
				`<circle cx="${x(p.size)}" cy="${y(value(p))}" r="3" fill="${colour}"><title>${escape(names[variant])}, ${p.size} articles: ${value(p).toFixed(1)} ${escape(unit)} (${p.measuredAt}Z, load ${p.load})</title></circle>`,
			);
	}
	return parts.join('\n');
}

/** The whole chart: time on the left, peak RSS on the right, the legend below. */
export function drawChart(results, names) {
	const variants = Object.keys(names).filter((name) => results.some((r) => r.variant === name));
	const legendRows = Math.ceil(variants.length / 2);
	const height = HEIGHT + 20 + legendRows * 18;
	const legend = variants.map((variant, i) => {
		const lx = 20 + (i % 2) * WIDTH;
		const ly = HEIGHT + 16 + Math.floor(i / 2) * 18;
		const dashed = /Warm|Added/.test(variant) ? ' stroke-dasharray="5 4"' : '';
		return `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${COLOURS[variant] ?? '#000'}" stroke-width="2"${dashed}/><text x="${lx + 30}" y="${ly + 4}">${escape(names[variant])}</text>`;
	});
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH * 2}" height="${height}" viewBox="0 0 ${WIDTH * 2} ${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
${panel(results, names, { value: (r) => r.wallMs / 1000, title: 'Build time (wall)', unit: 's', x0: 0 })}
${panel(results, names, { value: (r) => r.maxRssMb, title: 'Peak RSS of the largest process', unit: 'MB', x0: WIDTH })}
${legend.join('\n')}
</svg>
`;
}
