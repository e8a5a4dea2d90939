/** A record page's PDF: its path with `.pdf` (`/partenariats/tours-marrakech.pdf`). */
export const pdfOf = (href: string) => `${href}.pdf`;
