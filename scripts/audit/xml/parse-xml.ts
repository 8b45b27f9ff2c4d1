import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
});

/** An XML document as a plain object (fast-xml-parser): attributes as "@_name", text beside attributes as "#text". */
export function parseXml(xml: string): Record<string, unknown> {
	return parser.parse(xml) as Record<string, unknown>;
}
