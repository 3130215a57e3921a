/**
 * What the main region shows while a page's code, or the saved assessments, are still loading.
 * The main region keeps at least the viewport's height (.app-main in styles.css), so the footer
 * is out of view and the page that replaces this line moves nothing the user can see.
 */
export function PagePlaceholder({ message = 'Loading…' }: { message?: string }) {
  return (
    <p className="muted" role="status">
      {message}
    </p>
  );
}
