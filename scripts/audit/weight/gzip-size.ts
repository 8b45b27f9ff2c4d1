import { gzipSync } from 'node:zlib';

/** The size in bytes of `content` gzipped at zlib's default level (what a CDN compressing on the fly typically sends). */
export function gzipSize(content: string | Uint8Array): number {
	return gzipSync(content).length;
}
