// Generates the sample hero images (simple vector illustrations) and the publisher logo with sharp.
// Run once: `npx node scripts/make-sample-images.mjs`; the outputs are committed.
import sharp from 'sharp';

const heroes = {
	'xi-central-asia': ['#7a1420', '#d4a017', 'M100 700 C 500 300, 900 800, 1500 250 M200 200 C 600 500, 1000 200, 1450 650'],
	'south-yemen': ['#2b1a3a', '#ff8c42', 'M0 650 L1600 620 M1100 620 L1100 250 L1400 250 M1250 250 L1250 620'],
	'paris-couture': ['#f6d5dc', '#8c6f5a', 'M650 150 C 600 450, 600 650, 700 800 L900 800 C 1000 650, 1000 450, 950 150 Z M720 200 L720 780 M800 180 L800 800 M880 200 L880 780'],
	'festival-tourism': ['#0f1b3d', '#ffd166', 'M400 300 L1200 300 L1200 500 L400 500 Z M0 850 L500 350 L900 850 M700 850 L1200 300 L1600 850'],
	'joe-burrow-piano': ['#111111', '#fb4f14', 'M100 300 L1500 300 L1500 700 L100 700 Z M300 300 L300 550 M500 300 L500 550 M700 300 L700 550 M900 300 L900 550 M1100 300 L1100 550 M1300 300 L1300 550'],
	albania: ['#0b6e4f', '#5ce1e6', 'M0 600 C 400 500, 1200 700, 1600 550 L1600 900 L0 900 Z M0 450 L300 150 L600 450 L900 100 L1300 450'],
	'satellite-race': ['#0a1a3f', '#9ad1ff', 'M0 900 C 400 600, 1200 600, 1600 900 M200 200 L260 230 M500 120 L560 150 M800 220 L860 250 M1100 140 L1160 170 M1400 240 L1460 270'],
};

for (const [name, [background, ink, path]] of Object.entries(heroes)) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1350" viewBox="0 0 1600 900">
		<defs><radialGradient id="g" cx="30%" cy="30%" r="90%"><stop offset="0" stop-color="${ink}" stop-opacity="0.35"/><stop offset="1" stop-color="${background}"/></radialGradient></defs>
		<rect width="1600" height="900" fill="${background}"/><rect width="1600" height="900" fill="url(#g)"/>
		<path d="${path}" fill="none" stroke="${ink}" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>
	</svg>`;
	await sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toFile(`src/assets/heroes/${name}.jpg`);
}

const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">
	<rect width="512" height="512" rx="64" fill="#7a1420"/>
	<path d="M96 400 L256 96 L416 400 Z M176 320 L336 320" fill="none" stroke="#fff" stroke-width="40" stroke-linejoin="round"/>
</svg>`;
await sharp(Buffer.from(logo)).png().toFile('public/logo.png');
await sharp(Buffer.from(logo)).resize(180, 180).png().toFile('public/apple-touch-icon.png');
await import('node:fs/promises').then((fs) => fs.writeFile('public/favicon.svg', logo));
