/** A URL found in a page or XML file, and the attribute or element it came from (for the report). */
export interface Reference {
	url: string;
	from: string;
}
